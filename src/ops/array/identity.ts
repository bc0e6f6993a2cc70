import * as tfc from '@tensorflow/tfjs-core';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import { attr } from '../core/attr.js';
import { defineOp } from '../core/define.js';
import type { TensorLike } from '../core/tensor_like.js';

export const Identity = defineOp({
  type: 'Identity',
  inputs: ['input'],
  attrs: { T: attr.type() },
  infer: ([x], a) => [{ dtype: a.T, shape: x!.shape }],
  kernel: ([x]) => [tfc.clone(x!)],
  grad: (_ctx, [dy]) => ({ input: dy! }),
  constValue: ([x]) => x!.value,
  partialValue: ([x]) => x!.partial ?? null,
});

/** Returns a tensor with the same value as `x` (a new op; a fetch point). @example tf.identity(x, 'out') */
export function identity(x: TensorLike, name?: string): Tensor {
  return applyOp(Identity, [x], {}, { name })[0]!;
}
