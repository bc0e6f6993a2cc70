import * as tfc from '@tensorflow/tfjs-core';
import type { Tensor } from '../../graph/tensor.js';
import type { TensorLike } from '../core/tensor_like.js';
import { minOrMaxGrad } from './min_max_grad.js';
import { defineReduction, reduce, type ReduceOptions } from './reduction.js';

export const Max = defineReduction(
  'Max',
  (x, axes, keep) => tfc.max(x, axes, keep),
  (ctx, [dy]) => minOrMaxGrad(ctx, dy!),
);

/** Maximum over `axis` (all axes when omitted). @example tf.reduceMax(logits, 1, {keepdims: true}) */
export function reduceMax(
  x: TensorLike,
  axis?: TensorLike | null,
  options: ReduceOptions = {},
): Tensor {
  return reduce(Max, x, axis, options, 'Max');
}
