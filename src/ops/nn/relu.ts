import * as tfc from '@tensorflow/tfjs-core';
import { applyOp } from '../core/apply.js';
import type { TensorLike } from '../core/tensor_like.js';
import type { Tensor } from '../../graph/tensor.js';
import { defineUnary } from '../math/elementwise.js';
import { reluGrad } from './relu_grad.js';

export const Relu = defineUnary('Relu', tfc.relu, ({ outputs: [y] }, [dy]) => ({ x: reluGrad(dy!, y!) }));

/** max(x, 0). @example tf.nn.relu(tf.matmul(x, w)) */
export function relu(features: TensorLike, name?: string): Tensor {
  return applyOp(Relu, [features], {}, { name })[0]!;
}
