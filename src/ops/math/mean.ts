import * as tfc from '@tensorflow/tfjs-core';
import type { Tensor } from '../../graph/tensor.js';
import type { TensorLike } from '../core/tensor_like.js';
import { defineReduction, reduce, type ReduceOptions } from './reduction.js';

export const Mean = defineReduction('Mean', (x, axes, keep) => {
  // tfjs' mean of an int tensor is float; TF keeps the dtype, truncating as C division does
  // (tfjs' cast to int32 truncates toward zero too).
  const m = tfc.mean(x, axes, keep);
  return x.dtype === 'int32' ? tfc.cast(m, 'int32') : m;
});

/** Mean over `axis` (all axes when omitted). @example tf.reduceMean(tf.square(err)) */
export function reduceMean(x: TensorLike, axis?: TensorLike | null, options: ReduceOptions = {}): Tensor {
  return reduce(Mean, x, axis, options, 'Mean');
}
