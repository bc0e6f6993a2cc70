import * as tfc from '@tensorflow/tfjs-core';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import type { TensorLike } from '../core/tensor_like.js';
import { multiply } from '../math/mul.js';
import { subtract } from '../math/sub.js';
import { defineActivationGrad } from './activation_op.js';

/** TF's SigmoidGrad(y, dy) = dy * y * (1 - y), y being the Sigmoid's output. */
export const SigmoidGrad = defineActivationGrad({
  type: 'SigmoidGrad',
  inputs: ['y', 'dy'],
  allowed: 'float',
  kernel: (y, dy) => tfc.mul(dy, tfc.mul(y, tfc.sub(1, y))),
  // TF's _SigmoidGradGrad: d/dy = grad*dy - 2*grad*dy*y; d/d(dy) = SigmoidGrad(y, grad).
  grad: ({ op, inputs: [a, b] }, [grad]) =>
    op.graph.controlDependencies([grad!], () => {
      const gb = multiply(grad!, b!, 'mul');
      return {
        y: subtract(gb, multiply(multiply(2, gb, 'mul'), a!, 'mul'), 'sub'),
        dy: sigmoidGrad(a!, grad!),
      };
    }),
});

/** @example sigmoidGrad(y, dy) */
export function sigmoidGrad(y: TensorLike, dy: TensorLike, name?: string): Tensor {
  return applyOp(SigmoidGrad, [y, dy], {}, { name })[0]!;
}
