import * as tfc from '@tensorflow/tfjs-core';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import { defineOp } from '../core/define.js';
import type { TensorLike } from '../core/tensor_like.js';

export const LogicalNot = defineOp({
  type: 'LogicalNot',
  inputs: ['x:bool'],
  attrs: {},
  infer: ([x]) => [{ dtype: 'bool', shape: x!.shape }],
  kernel: ([x]) => [tfc.logicalNot(x!)],
  grad: 'none',
});

/** Elementwise NOT of a bool tensor. @example tf.logicalNot(mask) */
export function logicalNot(x: TensorLike, name?: string): Tensor {
  return applyOp(LogicalNot, [x], {}, { name })[0]!;
}
