import * as tfc from '@tensorflow/tfjs-core';
import { ValueError } from '../../errors.js';
import { TensorShape, type ShapeLike } from '../../graph/shape.js';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import { attr } from '../core/attr.js';
import { defineOp } from '../core/define.js';
import type { TensorLike } from '../core/tensor_like.js';

export const PlaceholderWithDefault = defineOp({
  type: 'PlaceholderWithDefault',
  inputs: ['input:dtype'],
  attrs: { dtype: attr.type(), shape: attr.shape() },
  infer: ([x], a) => {
    if (!a.shape.isCompatibleWith(x!.shape)) {
      throw new ValueError(`default value of shape ${x!.shape.toString()} is not compatible with the placeholder's shape ${a.shape.toString()}`);
    }
    return [{ dtype: a.dtype, shape: a.shape }];
  },
  kernel: ([x]) => [tfc.clone(x!)],
  // TF's _PlaceholderWithDefaultGrad: the gradient reaches the default value when not fed.
  grad: (_ctx, [dy]) => ({ input: dy! }),
});

/** A placeholder that yields `input` when not fed. @example tf.placeholderWithDefault(false, [], 'training') */
export function placeholderWithDefault(input: TensorLike, shape: ShapeLike, name?: string): Tensor {
  return applyOp(PlaceholderWithDefault, [input], { shape: TensorShape.from(shape) }, { name: name ?? 'PlaceholderWithDefault' })[0]!;
}
