import * as tfc from '@tensorflow/tfjs-core';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import type { TensorLike } from '../core/tensor_like.js';
import { defineActivation } from './activation_op.js';
import { eluGrad } from './elu_grad.js';

/** TF's Elu: features where positive, exp(features) - 1 elsewhere. */
export const Elu = defineActivation({
  type: 'Elu',
  input: 'features',
  allowed: 'float',
  kernel: (x) => tfc.elu(x),
  // TF's _EluGrad: EluGrad of the op's output.
  grad: ({ outputs: [y] }, [dy]) => ({ features: eluGrad(dy!, y!) }),
});

/** Exponential linear unit. @example tf.nn.elu(x) */
export function elu(features: TensorLike, name?: string): Tensor {
  return applyOp(Elu, [features], {}, { name: name ?? 'Elu' })[0]!;
}
