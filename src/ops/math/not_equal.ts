import * as tfc from '@tensorflow/tfjs-core';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import type { TensorLike } from '../core/tensor_like.js';
import { defineEquality } from './equality_op.js';

export const NotEqual = defineEquality('NotEqual', tfc.notEqual);

/** Elementwise x != y (bool) with broadcasting. @example tf.notEqual(x, 0) */
export function notEqual(x: TensorLike, y: TensorLike, name?: string): Tensor {
  return applyOp(NotEqual, [x, y], {}, { name })[0]!;
}
