import * as tfc from '@tensorflow/tfjs-core';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import type { TensorLike } from '../core/tensor_like.js';
import { defineUnary } from './elementwise.js';

// TF's _FloorGrad returns None: piecewise constant.
export const Floor = defineUnary('Floor', tfc.floor, 'none', { allowed: 'float' });

/** The largest integer not greater than x. @example tf.floor(x) */
export function floor(x: TensorLike, name?: string): Tensor {
  return applyOp(Floor, [x], {}, { name })[0]!;
}
