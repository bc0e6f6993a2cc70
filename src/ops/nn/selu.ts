import * as tfc from '@tensorflow/tfjs-core';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import type { TensorLike } from '../core/tensor_like.js';
import { defineActivation } from './activation_op.js';
import { seluGrad } from './selu_grad.js';

/** TF's Selu: scale * features where positive, scale * alpha * (exp(features) - 1) elsewhere. */
export const Selu = defineActivation({
  type: 'Selu',
  input: 'features',
  allowed: 'float',
  kernel: (x) => tfc.selu(x),
  // TF's _SeluGrad: SeluGrad of the op's output.
  grad: ({ outputs: [y] }, [dy]) => ({ features: seluGrad(dy!, y!) }),
});

/** Scaled exponential linear unit. @example tf.nn.selu(x) */
export function selu(features: TensorLike, name?: string): Tensor {
  return applyOp(Selu, [features], {}, { name: name ?? 'Selu' })[0]!;
}
