import * as tfc from '@tensorflow/tfjs-core';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import type { TensorLike } from '../core/tensor_like.js';
import { defineActivation } from './activation_op.js';
import { tanhGrad } from './tanh_grad.js';

/** TF's Tanh. */
export const Tanh = defineActivation({
  type: 'Tanh',
  input: 'x',
  allowed: 'float',
  kernel: (x) => tfc.tanh(x),
  // TF's _TanhGrad: TanhGrad(y, dy) after dy.
  grad: ({ op, outputs: [y] }, [dy]) => ({
    x: op.graph.controlDependencies([dy!], () => tanhGrad(y!, dy!)),
  }),
});

/** Hyperbolic tangent. @example tf.nn.tanh(tf.matmul(x, w)) */
export function tanh(x: TensorLike, name?: string): Tensor {
  return applyOp(Tanh, [x], {}, { name: name ?? 'Tanh' })[0]!;
}
