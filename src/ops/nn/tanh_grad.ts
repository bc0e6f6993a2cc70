import * as tfc from '@tensorflow/tfjs-core';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import type { TensorLike } from '../core/tensor_like.js';
import { multiply } from '../math/mul.js';
import { defineActivationGrad } from './activation_op.js';

/** TF's TanhGrad(y, dy) = dy * (1 - y^2), y being the Tanh's output. */
export const TanhGrad = defineActivationGrad({
  type: 'TanhGrad',
  inputs: ['y', 'dy'],
  allowed: 'float',
  kernel: (y, dy) => tfc.mul(dy, tfc.sub(1, tfc.square(y))),
  // TF's _TanhGradGrad: d/dy = grad * -2 * dy * y; d/d(dy) = TanhGrad(y, grad).
  grad: ({ op, inputs: [a, b] }, [grad]) =>
    op.graph.controlDependencies([grad!], () => ({
      y: multiply(multiply(multiply(grad!, -2, 'mul'), b!, 'mul'), a!, 'mul'),
      dy: tanhGrad(a!, grad!),
    })),
});

/** @example tanhGrad(y, dy) */
export function tanhGrad(y: TensorLike, dy: TensorLike, name?: string): Tensor {
  return applyOp(TanhGrad, [y, dy], {}, { name })[0]!;
}
