import * as tfc from '@tensorflow/tfjs-core';
import type { Tensor } from '../../graph/tensor.js';
import { zerosLike } from '../array/zeros_like.js';
import { applyOp } from '../core/apply.js';
import type { TensorLike } from '../core/tensor_like.js';
import { defineActivationGrad } from './activation_op.js';

/** TF's ReluGrad: gradients where features > 0, else 0. */
export const ReluGrad = defineActivationGrad({
  type: 'ReluGrad',
  inputs: ['gradients', 'features'],
  allowed: 'real',
  kernel: (g, f) => tfc.mul(g, tfc.cast(tfc.greater(f, 0), g.dtype)),
  // TF's _ReluGradGrad: ReluGrad again for `gradients`, zeros for the features.
  grad: ({ inputs: [, f] }, [dy]) => ({ gradients: reluGrad(dy!, f!), features: zerosLike(f!) }),
});

/** @example reluGrad(dy, features) */
export function reluGrad(gradients: TensorLike, features: TensorLike, name?: string): Tensor {
  return applyOp(ReluGrad, [gradients, features], {}, { name })[0]!;
}
