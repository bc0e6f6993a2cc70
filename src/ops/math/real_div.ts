import * as tfc from '@tensorflow/tfjs-core';
import { applyOp } from '../core/apply.js';
import type { TensorLike } from '../core/tensor_like.js';
import type { Tensor } from '../../graph/tensor.js';
import { defineBinary } from './elementwise.js';

export const RealDiv = defineBinary('RealDiv', tfc.div, undefined, { allowed: 'float' });

/** x / y for floating tensors (TF's 'RealDiv'). @example tf.divide(x, 2) */
export function divide(x: TensorLike, y: TensorLike, name?: string): Tensor {
  return applyOp(RealDiv, [x, y], {}, { name })[0]!;
}
