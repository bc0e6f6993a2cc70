import * as tfc from '@tensorflow/tfjs-core';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import type { TensorLike } from '../core/tensor_like.js';
import { defineLogicalBinary } from './logical_op.js';

export const LogicalOr = defineLogicalBinary('LogicalOr', tfc.logicalOr);

/** Elementwise x OR y of bool tensors, with broadcasting. @example tf.logicalOr(a, b) */
export function logicalOr(x: TensorLike, y: TensorLike, name?: string): Tensor {
  return applyOp(LogicalOr, [x, y], {}, { name })[0]!;
}
