import * as tfc from '@tensorflow/tfjs-core';
import type { Tensor } from '../../graph/tensor.js';
import { zerosLike } from '../array/zeros_like.js';
import { applyOp } from '../core/apply.js';
import type { TensorLike } from '../core/tensor_like.js';
import { defineActivationGrad } from './activation_op.js';

/** TF's Relu6Grad: `gradients` where 0 < features < 6, else 0. */
export const Relu6Grad = defineActivationGrad({
  type: 'Relu6Grad',
  inputs: ['gradients', 'features'],
  allowed: 'real',
  kernel: (g, f) =>
    tfc.mul(g, tfc.cast(tfc.logicalAnd(tfc.greater(f, 0), tfc.less(f, 6)), g.dtype)),
  // TF's _Relu6GradGrad: Relu6Grad again for `gradients`, zeros for the features.
  grad: ({ inputs: [, f] }, [dy]) => ({ gradients: relu6Grad(dy!, f!), features: zerosLike(f!) }),
});

/** @example relu6Grad(dy, features) */
export function relu6Grad(gradients: TensorLike, features: TensorLike, name?: string): Tensor {
  return applyOp(Relu6Grad, [gradients, features], {}, { name })[0]!;
}
