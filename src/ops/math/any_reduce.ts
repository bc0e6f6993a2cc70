import * as tfc from '@tensorflow/tfjs-core';
import type { Tensor } from '../../graph/tensor.js';
import type { TensorLike } from '../core/tensor_like.js';
import { defineBoolReduction } from './bool_reduction.js';
import { reduce, type ReduceOptions } from './reduction.js';

export const Any = defineBoolReduction('Any', (x, axes, keep) => tfc.any(x, axes, keep));

/** Logical OR over `axis` (all axes when omitted). @example tf.reduceAny(tf.less(x, 0), 1) */
export function reduceAny(
  x: TensorLike,
  axis?: TensorLike | null,
  options: ReduceOptions = {},
): Tensor {
  return reduce(Any, x, axis, options, 'Any');
}
