import * as tfc from '@tensorflow/tfjs-core';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import type { TensorLike } from '../core/tensor_like.js';
import { defineBinary } from './elementwise.js';

// A bool mask: not differentiable (TF's NotDifferentiable).
export const Greater = defineBinary('Greater', tfc.greater, 'none', { outDType: 'bool' });

/** Elementwise x > y (bool) with broadcasting. @example tf.greater(x, 0) */
export function greater(x: TensorLike, y: TensorLike, name?: string): Tensor {
  return applyOp(Greater, [x, y], {}, { name })[0]!;
}
