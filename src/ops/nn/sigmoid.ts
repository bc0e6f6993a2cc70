import * as tfc from '@tensorflow/tfjs-core';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import type { TensorLike } from '../core/tensor_like.js';
import { defineActivation } from './activation_op.js';
import { sigmoidGrad } from './sigmoid_grad.js';

/** TF's Sigmoid: 1 / (1 + exp(-x)). */
export const Sigmoid = defineActivation({
  type: 'Sigmoid',
  input: 'x',
  allowed: 'float',
  kernel: (x) => tfc.sigmoid(x),
  // TF's _SigmoidGrad: SigmoidGrad(y, dy), built after dy (a control dependency, as TF).
  grad: ({ op, outputs: [y] }, [dy]) => ({
    x: op.graph.controlDependencies([dy!], () => sigmoidGrad(y!, dy!)),
  }),
});

/** 1 / (1 + exp(-x)). @example tf.nn.sigmoid(logits) */
export function sigmoid(x: TensorLike, name?: string): Tensor {
  return applyOp(Sigmoid, [x], {}, { name: name ?? 'Sigmoid' })[0]!;
}
