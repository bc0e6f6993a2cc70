import * as tfc from '@tensorflow/tfjs-core';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import type { TensorLike } from '../core/tensor_like.js';
import { defineUnary } from './elementwise.js';

// TF's _CeilGrad returns None: piecewise constant.
export const Ceil = defineUnary('Ceil', tfc.ceil, 'none', { allowed: 'float' });

/** The smallest integer not less than x. @example tf.ceil(x) */
export function ceil(x: TensorLike, name?: string): Tensor {
  return applyOp(Ceil, [x], {}, { name })[0]!;
}
