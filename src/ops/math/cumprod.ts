import * as tfc from '@tensorflow/tfjs-core';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import type { TensorLike } from '../core/tensor_like.js';
import { defineCumulative, type CumulativeOptions } from './cumulative_op.js';
import { cumsum } from './cumsum.js';
import { divNoNan } from './div_no_nan.js';
import { multiply } from './mul.js';

// TF's _CumprodGrad: cumsum(cumprod(x) * dy) in the opposite direction, divided by x
// (div_no_nan: 0 where x is 0, as TF).
export const Cumprod = defineCumulative(
  'Cumprod',
  (x, axis, exclusive, reverse) => tfc.cumprod(x, axis, exclusive, reverse),
  ({ inputs: [x, axis], attrs }, [dy]) => {
    const prod = cumprod(x!, axis!, { exclusive: attrs.exclusive, reverse: attrs.reverse });
    const out = cumsum(multiply(prod, dy!), axis!, {
      exclusive: attrs.exclusive,
      reverse: !attrs.reverse,
    });
    return { x: divNoNan(out, x!), axis: null };
  },
);

/** Cumulative product along `axis` (default 0). @example tf.cumprod(x, 0, {reverse: true}) */
export function cumprod(
  x: TensorLike,
  axis: TensorLike = 0,
  options: CumulativeOptions = {},
): Tensor {
  return applyOp(
    Cumprod,
    [x, axis],
    { exclusive: options.exclusive ?? false, reverse: options.reverse ?? false },
    { name: options.name },
  )[0]!;
}
