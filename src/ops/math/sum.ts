import * as tfc from '@tensorflow/tfjs-core';
import type { Tensor } from '../../graph/tensor.js';
import { broadcastTo } from '../array/broadcast_to.js';
import type { GradContext } from '../core/define.js';
import type { TensorLike } from '../core/tensor_like.js';
import { keptDims } from './kept_shape.js';
import {
  defineReduction,
  reduce,
  shapeOrConst,
  type ReduceOptions,
  type ReductionAttrs,
} from './reduction.js';

/** TF's _SumGrad: dy with the reduced axes restored as size 1, broadcast to the input's shape. */
export function sumGradient(
  { inputs: [x, axes], attrs }: GradContext<ReductionAttrs>,
  dy: Tensor,
): Tensor {
  return broadcastTo(keptDims(dy, x!, axes!, attrs.keep_dims), shapeOrConst(x!));
}

export const Sum = defineReduction(
  'Sum',
  (x, axes, keep) => tfc.sum(x, axes, keep),
  (ctx, [dy]) => ({ input: sumGradient(ctx, dy!), reduction_indices: null }),
);

/** Sum over `axis` (all axes when omitted). @example tf.reduceSum(x, 1, {keepdims: true}) */
export function reduceSum(
  x: TensorLike,
  axis?: TensorLike | null,
  options: ReduceOptions = {},
): Tensor {
  return reduce(Sum, x, axis, options, 'Sum');
}
