import * as tfc from '@tensorflow/tfjs-core';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import type { TensorLike } from '../core/tensor_like.js';
import { defineActivation } from './activation_op.js';
import { relu6Grad } from './relu6_grad.js';

/** TF's Relu6: min(max(features, 0), 6); its gradient is Relu6Grad of the output, as TF. */
export const Relu6 = defineActivation({
  type: 'Relu6',
  input: 'features',
  allowed: 'real',
  kernel: (x) => tfc.relu6(x),
  grad: ({ outputs: [y] }, [dy]) => ({ features: relu6Grad(dy!, y!) }),
});

/** min(max(features, 0), 6). @example tf.nn.relu6(tf.matmul(x, w)) */
export function relu6(features: TensorLike, name?: string): Tensor {
  return applyOp(Relu6, [features], {}, { name: name ?? 'Relu6' })[0]!;
}
