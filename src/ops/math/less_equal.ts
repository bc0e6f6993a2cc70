import * as tfc from '@tensorflow/tfjs-core';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import type { TensorLike } from '../core/tensor_like.js';
import { defineBinary } from './elementwise.js';

// A bool mask: not differentiable (TF's NotDifferentiable).
export const LessEqual = defineBinary('LessEqual', tfc.lessEqual, 'none', { outDType: 'bool' });

/** Elementwise x <= y (bool) with broadcasting. @example tf.lessEqual(x, 0) */
export function lessEqual(x: TensorLike, y: TensorLike, name?: string): Tensor {
  return applyOp(LessEqual, [x, y], {}, { name })[0]!;
}
