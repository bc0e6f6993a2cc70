import * as tfc from '@tensorflow/tfjs-core';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import { attr } from '../core/attr.js';
import { defineOp } from '../core/define.js';
import type { TensorLike } from '../core/tensor_like.js';

export const ZerosLike = defineOp({
  type: 'ZerosLike',
  inputs: ['x'],
  attrs: { T: attr.type() },
  infer: ([x], a) => [{ dtype: a.T, shape: x!.shape }],
  kernel: ([x]) => [tfc.zerosLike(x!)],
  grad: 'none',
});

/** Zeros with the shape and dtype of `x`. @example tf.zerosLike(x) */
export function zerosLike(x: TensorLike, name?: string): Tensor {
  return applyOp(ZerosLike, [x], {}, { name })[0]!;
}
