import * as tfc from '@tensorflow/tfjs-core';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import type { TensorLike } from '../core/tensor_like.js';
import { defineActivation } from './activation_op.js';
import { reluGrad } from './relu_grad.js';

/** TF's Relu: max(features, 0); its gradient is ReluGrad of the output, as TF. */
export const Relu = defineActivation({
  type: 'Relu',
  input: 'features',
  allowed: 'real',
  kernel: (x) => tfc.relu(x),
  grad: ({ outputs: [y] }, [dy]) => ({ features: reluGrad(dy!, y!) }),
});

/** max(x, 0). @example tf.nn.relu(tf.matmul(x, w)) */
export function relu(features: TensorLike, name?: string): Tensor {
  return applyOp(Relu, [features], {}, { name })[0]!;
}
