import * as tfc from '@tensorflow/tfjs-core';
import type { Tensor } from '../../graph/tensor.js';
import type { TensorLike } from '../core/tensor_like.js';
import { minOrMaxGrad } from './min_max_grad.js';
import { defineReduction, reduce, type ReduceOptions } from './reduction.js';

export const Min = defineReduction(
  'Min',
  (x, axes, keep) => tfc.min(x, axes, keep),
  (ctx, [dy]) => minOrMaxGrad(ctx, dy!),
);

/** Minimum over `axis` (all axes when omitted). @example tf.reduceMin(x, 0) */
export function reduceMin(
  x: TensorLike,
  axis?: TensorLike | null,
  options: ReduceOptions = {},
): Tensor {
  return reduce(Min, x, axis, options, 'Min');
}
