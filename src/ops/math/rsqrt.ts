import * as tfc from '@tensorflow/tfjs-core';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import type { TensorLike } from '../core/tensor_like.js';
import { defineUnary } from './elementwise.js';
import { rsqrtGrad } from './rsqrt_grad.js';

// TF's _RsqrtGrad: RsqrtGrad(y, dy) = -0.5 * dy * y^3, from the output y.
export const Rsqrt = defineUnary(
  'Rsqrt',
  tfc.rsqrt,
  ({ outputs: [y] }, [dy]) => ({ x: rsqrtGrad(y!, dy!) }),
  { allowed: 'float' },
);

/** 1 / sqrt(x). @example tf.rsqrt(variance + 1e-3) */
export function rsqrt(x: TensorLike, name?: string): Tensor {
  return applyOp(Rsqrt, [x], {}, { name })[0]!;
}
