import * as tfc from '@tensorflow/tfjs-core';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import type { TensorLike } from '../core/tensor_like.js';
import { defineBinary } from './elementwise.js';

// A bool mask: not differentiable (TF's NotDifferentiable).
export const GreaterEqual = defineBinary('GreaterEqual', tfc.greaterEqual, 'none', {
  outDType: 'bool',
});

/** Elementwise x >= y (bool) with broadcasting. @example tf.greaterEqual(x, 0) */
export function greaterEqual(x: TensorLike, y: TensorLike, name?: string): Tensor {
  return applyOp(GreaterEqual, [x, y], {}, { name })[0]!;
}
