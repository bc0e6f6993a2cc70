import * as tfc from '@tensorflow/tfjs-core';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import type { TensorLike } from '../core/tensor_like.js';
import { defineBinary } from './elementwise.js';
import { multiply } from './mul.js';
import { negative } from './neg.js';

// TF's _DivNoNanGrad: dx = div_no_nan(dy, y), dy = dy * div_no_nan(div_no_nan(-x, y), y).
export const DivNoNan = defineBinary(
  'DivNoNan',
  tfc.divNoNan,
  ({ inputs: [x, y] }, [dy]) => ({
    x: divNoNan(dy!, y!),
    y: multiply(dy!, divNoNan(divNoNan(negative(x!), y!), y!)),
  }),
  { allowed: 'float' },
);

/** x / y, or 0 where y is 0. @example tf.divNoNan(total, count) */
export function divNoNan(x: TensorLike, y: TensorLike, name?: string): Tensor {
  return applyOp(DivNoNan, [x, y], {}, { name })[0]!;
}
