import * as tfc from '@tensorflow/tfjs-core';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import type { TensorLike } from '../core/tensor_like.js';
import { multiply } from './mul.js';
import { defineUnaryGrad } from './unary_grad_op.js';

/** TF's ReciprocalGrad(y, dy) = -dy * y^2, where y = 1 / x. */
export const ReciprocalGrad = defineUnaryGrad(
  'ReciprocalGrad',
  (y, dy) => tfc.neg(tfc.mul(dy, tfc.square(y))),
  // TF's _ReciprocalGradGrad: d/dy = grad * -2 * dy * y, d/d(dy) = ReciprocalGrad(y, grad).
  ({ op, inputs: [y, b] }, [grad]) =>
    op.graph.controlDependencies([grad!], () => ({
      y: multiply(multiply(multiply(grad!, -2), b!), y!),
      dy: reciprocalGrad(y!, grad!),
    })),
);

/** The gradient of reciprocal from its output. @example tf.reciprocalGrad(y, dy) */
export function reciprocalGrad(y: TensorLike, dy: TensorLike, name?: string): Tensor {
  return applyOp(ReciprocalGrad, [y, dy], {}, { name })[0]!;
}
