import * as tfc from '@tensorflow/tfjs-core';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import type { TensorLike } from '../core/tensor_like.js';
import { defineEquality } from './equality_op.js';

export const Equal = defineEquality('Equal', tfc.equal);

/** Elementwise x == y (bool) with broadcasting. @example tf.equal(pred, label) */
export function equal(x: TensorLike, y: TensorLike, name?: string): Tensor {
  return applyOp(Equal, [x, y], {}, { name })[0]!;
}
