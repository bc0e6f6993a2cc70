import * as tfc from '@tensorflow/tfjs-core';
import type { Tensor } from '../../graph/tensor.js';
import { zerosLike } from '../array/zeros_like.js';
import { applyOp } from '../core/apply.js';
import type { TensorLike } from '../core/tensor_like.js';
import { less } from '../math/less.js';
import { multiply } from '../math/mul.js';
import { where } from '../math/select.js';
import { defineActivationGrad } from './activation_op.js';

/** TF's EluGrad(gradients, outputs): gradients * (outputs + 1) where outputs < 0, else gradients. */
export const EluGrad = defineActivationGrad({
  type: 'EluGrad',
  inputs: ['gradients', 'outputs'],
  allowed: 'float',
  kernel: (g, y) => tfc.where(tfc.less(y, 0), tfc.mul(g, tfc.add(y, 1)), g),
  // TF's _EluGradGrad.
  grad: ({ inputs: [g, y] }, [grad]) => ({
    gradients: eluGrad(grad!, y!),
    outputs: where(less(y!, 0), multiply(grad!, g!, 'mul'), zerosLike(y!, 'zeros_like')),
  }),
});

/** @example eluGrad(dy, eluOutput) */
export function eluGrad(gradients: TensorLike, outputs: TensorLike, name?: string): Tensor {
  return applyOp(EluGrad, [gradients, outputs], {}, { name })[0]!;
}
