import * as tfc from '@tensorflow/tfjs-core';
import type { Tensor } from '../../graph/tensor.js';
import { zerosLike } from '../array/zeros_like.js';
import { applyOp } from '../core/apply.js';
import type { TensorLike } from '../core/tensor_like.js';
import { less } from '../math/less.js';
import { multiply } from '../math/mul.js';
import { where } from '../math/select.js';
import { defineActivationGrad } from './activation_op.js';

/** SELU's constants (TF's kernel spells them to more digits than a double holds). */
export const SELU_SCALE = 1.0507009873554805;
export const SELU_ALPHA = 1.6732632423543772;

/**
 * TF's SeluGrad(gradients, outputs): gradients * (outputs + scale * alpha) where outputs < 0,
 * else gradients * scale.
 */
export const SeluGrad = defineActivationGrad({
  type: 'SeluGrad',
  inputs: ['gradients', 'outputs'],
  allowed: 'float',
  kernel: (g, y) =>
    tfc.where(
      tfc.less(y, 0),
      tfc.mul(g, tfc.add(y, SELU_SCALE * SELU_ALPHA)),
      tfc.mul(g, SELU_SCALE),
    ),
  // TF's _SeluGradGrad.
  grad: ({ inputs: [g, y] }, [grad]) => ({
    gradients: seluGrad(grad!, y!),
    outputs: where(less(y!, 0), multiply(grad!, g!, 'mul'), zerosLike(y!, 'zeros_like')),
  }),
});

/** @example seluGrad(dy, seluOutput) */
export function seluGrad(gradients: TensorLike, outputs: TensorLike, name?: string): Tensor {
  return applyOp(SeluGrad, [gradients, outputs], {}, { name })[0]!;
}
