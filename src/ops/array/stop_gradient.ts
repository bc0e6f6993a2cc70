import * as tfc from '@tensorflow/tfjs-core';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import { attr } from '../core/attr.js';
import { defineOp } from '../core/define.js';
import type { TensorLike } from '../core/tensor_like.js';

export const StopGradient = defineOp({
  type: 'StopGradient',
  inputs: ['input'],
  attrs: { T: attr.type() },
  infer: ([x], a) => [{ dtype: a.T, shape: x!.shape }],
  kernel: ([x]) => [tfc.clone(x!)],
  // The point of the op: tf.gradients treats its output as a constant.
  grad: 'none',
  constValue: ([x]) => x!.value,
  partialValue: ([x]) => x!.partial ?? null,
});

/** Passes `input` through; no gradient flows back through it. @example tf.stopGradient(target) */
export function stopGradient(input: TensorLike, name?: string): Tensor {
  return applyOp(StopGradient, [input], {}, { name: name ?? 'StopGradient' })[0]!;
}
