import * as tfc from '@tensorflow/tfjs-core';
import type { Tensor } from '../../graph/tensor.js';
import { zerosLike } from '../array/zeros_like.js';
import { applyOp } from '../core/apply.js';
import type { TensorLike } from '../core/tensor_like.js';
import { defineUnary } from './elementwise.js';

// TF's _SignGrad: zeros shaped like x (a gradient, not None).
export const Sign = defineUnary('Sign', tfc.sign, ({ inputs: [x] }) => ({ x: zerosLike(x!) }));

/** -1, 0 or 1 by the sign of x. @example tf.sign(x) */
export function sign(x: TensorLike, name?: string): Tensor {
  return applyOp(Sign, [x], {}, { name })[0]!;
}
