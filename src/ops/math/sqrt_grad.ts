import * as tfc from '@tensorflow/tfjs-core';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import type { TensorLike } from '../core/tensor_like.js';
import { multiply } from './mul.js';
import { negative } from './neg.js';
import { realdiv } from './real_div.js';
import { defineUnaryGrad } from './unary_grad_op.js';

/** TF's SqrtGrad(y, dy) = dy * 0.5 / y, where y = sqrt(x). */
export const SqrtGrad = defineUnaryGrad(
  'SqrtGrad',
  (y, dy) => tfc.div(tfc.mul(dy, 0.5), y),
  // TF's _SqrtGradGrad: with ga = grad / y, d/dy = -ga * out, d/d(dy) = 0.5 * ga.
  ({ op, inputs: [y], outputs: [out] }, [grad]) =>
    op.graph.controlDependencies([grad!], () => {
      const ga = realdiv(grad!, y!);
      return { y: multiply(negative(ga), out!), dy: multiply(ga, 0.5) };
    }),
);

/** The gradient of sqrt from its output. @example tf.sqrtGrad(y, dy) */
export function sqrtGrad(y: TensorLike, dy: TensorLike, name?: string): Tensor {
  return applyOp(SqrtGrad, [y, dy], {}, { name })[0]!;
}
