import * as tfc from '@tensorflow/tfjs-core';
import type { Tensor } from '../../graph/tensor.js';
import type { TensorLike } from '../core/tensor_like.js';
import { defineReduction, reduce, type ReduceOptions } from './reduction.js';

export const Sum = defineReduction('Sum', (x, axes, keep) => tfc.sum(x, axes, keep));

/** Sum over `axis` (all axes when omitted). @example tf.reduceSum(x, 1, {keepdims: true}) */
export function reduceSum(x: TensorLike, axis?: TensorLike | null, options: ReduceOptions = {}): Tensor {
  return reduce(Sum, x, axis, options, 'Sum');
}
