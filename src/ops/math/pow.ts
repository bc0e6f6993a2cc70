import * as tfc from '@tensorflow/tfjs-core';
import type { Tensor } from '../../graph/tensor.js';
import { zerosLike } from '../array/zeros_like.js';
import { applyOp } from '../core/apply.js';
import type { TensorLike } from '../core/tensor_like.js';
import { defineBinary } from './elementwise.js';
import { greater } from './greater.js';
import { log } from './log.js';
import { multiply } from './mul.js';
import { onesLikeOf } from './shape_util.js';
import { where } from './select.js';
import { subtract } from './sub.js';

// TF's _PowGrad: dx = dy * y * x^(y - 1); dz/dy = dy * z * log(x), where log(x) is taken only
// for x > 0 (0 elsewhere: no real value for x < 0, and no false singularity at x = 0).
export const Pow = defineBinary('Pow', tfc.pow, ({ inputs: [x, y], outputs: [z] }, [dy]) => {
  const gx = multiply(multiply(dy!, y!), pow(x!, subtract(y!, 1)));
  const mask = greater(x!, 0);
  const safeX = where(mask, x!, onesLikeOf(x!));
  const logX = where(mask, log(safeX), zerosLike(x!));
  return { x: gx, y: multiply(multiply(dy!, z!), logX) };
});

/** x^y with broadcasting. @example tf.pow(x, 2) */
export function pow(x: TensorLike, y: TensorLike, name?: string): Tensor {
  return applyOp(Pow, [x, y], {}, { name })[0]!;
}
