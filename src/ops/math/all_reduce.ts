import * as tfc from '@tensorflow/tfjs-core';
import type { Tensor } from '../../graph/tensor.js';
import type { TensorLike } from '../core/tensor_like.js';
import { defineBoolReduction } from './bool_reduction.js';
import { reduce, type ReduceOptions } from './reduction.js';

export const All = defineBoolReduction('All', (x, axes, keep) => tfc.all(x, axes, keep));

/** Logical AND over `axis` (all axes when omitted). @example tf.reduceAll(tf.greater(x, 0)) */
export function reduceAll(
  x: TensorLike,
  axis?: TensorLike | null,
  options: ReduceOptions = {},
): Tensor {
  return reduce(All, x, axis, options, 'All');
}
