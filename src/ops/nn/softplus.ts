import * as tfc from '@tensorflow/tfjs-core';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import type { TensorLike } from '../core/tensor_like.js';
import { defineActivation } from './activation_op.js';
import { softplusGrad } from './softplus_grad.js';

/** TF's Softplus: log(1 + exp(features)), computed without overflow for large |x|. */
export const Softplus = defineActivation({
  type: 'Softplus',
  input: 'features',
  allowed: 'float',
  kernel: (x) => tfc.softplus(x),
  // TF1's _SoftplusGrad: SoftplusGrad(dy, features). (TF2 builds dy * sigmoid(x): same values.)
  grad: ({ inputs: [x] }, [dy]) => ({ features: softplusGrad(dy!, x!) }),
});

/** log(exp(features) + 1). @example tf.nn.softplus(x) */
export function softplus(features: TensorLike, name?: string): Tensor {
  return applyOp(Softplus, [features], {}, { name: name ?? 'Softplus' })[0]!;
}
