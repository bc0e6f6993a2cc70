import * as tfc from '@tensorflow/tfjs-core';
import type { Tensor } from '../../graph/tensor.js';
import type { TensorLike } from '../core/tensor_like.js';
import { defineReduction, keptDims, reduce, shapeOrConst, type ReduceOptions } from './reduction.js';
import { broadcastTo } from '../array/broadcast_to.js';

export const Sum = defineReduction('Sum', (x, axes, keep) => tfc.sum(x, axes, keep), ({ inputs: [x, axes], attrs }, [dy]) => ({
  input: broadcastTo(keptDims(dy!, x!, axes!, attrs.keep_dims), shapeOrConst(x!)),
  reduction_indices: null,
}));

/** Sum over `axis` (all axes when omitted). @example tf.reduceSum(x, 1, {keepdims: true}) */
export function reduceSum(x: TensorLike, axis?: TensorLike | null, options: ReduceOptions = {}): Tensor {
  return reduce(Sum, x, axis, options, 'Sum');
}
