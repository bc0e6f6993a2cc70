import * as tfc from '@tensorflow/tfjs-core';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import type { TensorLike } from '../core/tensor_like.js';
import { defineArgOp, type ArgOptions } from './arg_op.js';

export const ArgMax = defineArgOp('ArgMax', (x, axis) => tfc.argMax(x, axis));

/**
 * Index of the largest value along `axis` (TF1: axis 0 when omitted); ties give the first.
 * @example tf.argmax(logits, 1)
 */
export function argmax(
  input: TensorLike,
  axis?: TensorLike | null,
  options: ArgOptions = {},
): Tensor {
  return applyOp(
    ArgMax,
    [input, axis ?? 0],
    { output_type: options.outputType ?? 'int64' },
    { name: options.name },
  )[0]!;
}
