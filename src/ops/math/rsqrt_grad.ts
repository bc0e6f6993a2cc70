import * as tfc from '@tensorflow/tfjs-core';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import type { TensorLike } from '../core/tensor_like.js';
import { multiply } from './mul.js';
import { square } from './square.js';
import { defineUnaryGrad } from './unary_grad_op.js';

/** TF's RsqrtGrad(y, dy) = -0.5 * dy * y^3, where y = rsqrt(x). */
export const RsqrtGrad = defineUnaryGrad(
  'RsqrtGrad',
  (y, dy) => tfc.mul(tfc.mul(dy, -0.5), tfc.mul(y, tfc.square(y))),
  // TF's _RsqrtGradGrad: d/dy = -1.5 * grad * dy * y^2, d/d(dy) = RsqrtGrad(y, grad).
  ({ op, inputs: [y, b] }, [grad]) =>
    op.graph.controlDependencies([grad!], () => ({
      y: multiply(multiply(multiply(-1.5, grad!), b!), square(y!)),
      dy: rsqrtGrad(y!, grad!),
    })),
);

/** The gradient of rsqrt from its output. @example tf.rsqrtGrad(y, dy) */
export function rsqrtGrad(y: TensorLike, dy: TensorLike, name?: string): Tensor {
  return applyOp(RsqrtGrad, [y, dy], {}, { name })[0]!;
}
