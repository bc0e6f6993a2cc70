import * as tfc from '@tensorflow/tfjs-core';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import type { TensorLike } from '../core/tensor_like.js';
import { add } from '../math/add.js';
import { exp } from '../math/exp.js';
import { multiply } from '../math/mul.js';
import { negative } from '../math/neg.js';
import { divide } from '../math/real_div.js';
import { defineActivationGrad } from './activation_op.js';

/** TF's SoftplusGrad: gradients / (1 + exp(-features)) = gradients * sigmoid(features). */
export const SoftplusGrad = defineActivationGrad({
  type: 'SoftplusGrad',
  inputs: ['gradients', 'features'],
  allowed: 'float',
  // sigmoid saturates to 0 or 1 instead of overflowing exp(-x) for large |x|.
  kernel: (g, f) => tfc.mul(g, tfc.sigmoid(f)),
  // TF's _SoftplusGradGrad: ddy = SoftplusGrad(grad, x); d2x = grad * dy / (exp(-x) + 2 + exp(x)).
  grad: ({ op, inputs: [dy, x] }, [grad]) =>
    op.graph.controlDependencies([grad!], () => ({
      gradients: softplusGrad(grad!, x!),
      features: divide(
        multiply(grad!, dy!, 'mul'),
        add(add(exp(negative(x!)), 2, 'add'), exp(x!), 'add'),
        'truediv',
      ),
    })),
});

/** @example softplusGrad(dy, features) */
export function softplusGrad(gradients: TensorLike, features: TensorLike, name?: string): Tensor {
  return applyOp(SoftplusGrad, [gradients, features], {}, { name })[0]!;
}
