import * as tfc from '@tensorflow/tfjs-core';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import type { TensorLike } from '../core/tensor_like.js';
import { defineUnary } from './elementwise.js';
import { multiply } from './mul.js';
import { sign } from './sign.js';

// TF's _AbsGrad: dy * sign(x) (0 at x = 0).
export const Abs = defineUnary('Abs', tfc.abs, ({ inputs: [x] }, [dy]) => ({
  x: multiply(dy!, sign(x!)),
}));

/** |x|. @example tf.abs(err) */
export function abs(x: TensorLike, name?: string): Tensor {
  return applyOp(Abs, [x], {}, { name })[0]!;
}
