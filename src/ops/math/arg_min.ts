import * as tfc from '@tensorflow/tfjs-core';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import type { TensorLike } from '../core/tensor_like.js';
import { defineArgOp, type ArgOptions } from './arg_op.js';

export const ArgMin = defineArgOp('ArgMin', (x, axis) => tfc.argMin(x, axis));

/**
 * Index of the smallest value along `axis` (TF1: axis 0 when omitted); ties give the first.
 * @example tf.argmin(dist, 1, {outputType: 'int32'})
 */
export function argmin(
  input: TensorLike,
  axis?: TensorLike | null,
  options: ArgOptions = {},
): Tensor {
  return applyOp(
    ArgMin,
    [input, axis ?? 0],
    { output_type: options.outputType ?? 'int64' },
    { name: options.name },
  )[0]!;
}
