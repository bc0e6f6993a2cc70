import * as tfc from '@tensorflow/tfjs-core';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import type { TensorLike } from '../core/tensor_like.js';
import { defineCumulative, type CumulativeOptions } from './cumulative_op.js';

// TF's _CumsumGrad: the cumulative sum of dy in the opposite direction.
export const Cumsum = defineCumulative(
  'Cumsum',
  (x, axis, exclusive, reverse) => tfc.cumsum(x, axis, exclusive, reverse),
  ({ inputs: [, axis], attrs }, [dy]) => ({
    x: cumsum(dy!, axis!, { exclusive: attrs.exclusive, reverse: !attrs.reverse }),
    axis: null,
  }),
);

/** Cumulative sum along `axis` (default 0). @example tf.cumsum(x, 1, {exclusive: true}) */
export function cumsum(
  x: TensorLike,
  axis: TensorLike = 0,
  options: CumulativeOptions = {},
): Tensor {
  return applyOp(
    Cumsum,
    [x, axis],
    { exclusive: options.exclusive ?? false, reverse: options.reverse ?? false },
    { name: options.name },
  )[0]!;
}
