import * as tfc from '@tensorflow/tfjs-core';
import type { Tensor } from '../../graph/tensor.js';
import { zerosLike } from '../array/zeros_like.js';
import { applyOp } from '../core/apply.js';
import { attr } from '../core/attr.js';
import type { TensorLike } from '../core/tensor_like.js';
import { defineActivationGrad } from './activation_op.js';

/** TF's LeakyReluGrad: `gradients` where features > 0, alpha * gradients elsewhere. */
export const LeakyReluGrad = defineActivationGrad({
  type: 'LeakyReluGrad',
  inputs: ['gradients', 'features'],
  allowed: 'float',
  attrs: { alpha: attr.float(0.2) },
  kernel: (g, f, a) => tfc.where(tfc.greater(f, 0), g, tfc.mul(g, a.alpha)),
  // TF's _LeakyReluGradGrad: LeakyReluGrad again for `gradients`, zeros for the features.
  grad: ({ inputs: [, f], attrs }, [dy]) => ({
    gradients: leakyReluGrad(dy!, f!, attrs.alpha),
    features: zerosLike(f!),
  }),
});

/** @example leakyReluGrad(dy, features, 0.2) */
export function leakyReluGrad(
  gradients: TensorLike,
  features: TensorLike,
  alpha = 0.2,
  name?: string,
): Tensor {
  return applyOp(LeakyReluGrad, [gradients, features], { alpha }, { name })[0]!;
}
