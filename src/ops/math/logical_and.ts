import * as tfc from '@tensorflow/tfjs-core';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import type { TensorLike } from '../core/tensor_like.js';
import { defineLogicalBinary } from './logical_op.js';

export const LogicalAnd = defineLogicalBinary('LogicalAnd', tfc.logicalAnd);

/** Elementwise x AND y of bool tensors, with broadcasting. @example tf.logicalAnd(a, b) */
export function logicalAnd(x: TensorLike, y: TensorLike, name?: string): Tensor {
  return applyOp(LogicalAnd, [x, y], {}, { name })[0]!;
}
