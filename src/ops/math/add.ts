import * as tfc from '@tensorflow/tfjs-core';
import { applyOp } from '../core/apply.js';
import type { TensorLike } from '../core/tensor_like.js';
import type { Tensor } from '../../graph/tensor.js';
import { defineBinary } from './elementwise.js';

export const Add = defineBinary('Add', tfc.add, (_ctx, [dy]) => ({ x: dy!, y: dy! }), { allowed: 'any' });

/** x + y with broadcasting. @example tf.add(x, 1) */
export function add(x: TensorLike, y: TensorLike, name?: string): Tensor {
  return applyOp(Add, [x, y], {}, { name })[0]!;
}
