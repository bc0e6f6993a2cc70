import * as tfc from '@tensorflow/tfjs-core';
import { applyOp } from '../core/apply.js';
import type { TensorLike } from '../core/tensor_like.js';
import type { Tensor } from '../../graph/tensor.js';
import { defineUnary } from './elementwise.js';

export const Neg = defineUnary('Neg', tfc.neg, (_ctx, [dy]) => ({ x: negative(dy!) }));

/** -x. @example tf.negative(x) */
export function negative(x: TensorLike, name?: string): Tensor {
  return applyOp(Neg, [x], {}, { name })[0]!;
}
