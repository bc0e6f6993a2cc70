import * as tfc from '@tensorflow/tfjs-core';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import type { TensorLike } from '../core/tensor_like.js';
import { defineBinary } from './elementwise.js';

// TF1's 'Add' (TF2 builds AddV2; both have this gradient). TF's Add also concatenates
// strings; tfjs has no string kernel, so only numbers are accepted.
export const Add = defineBinary('Add', tfc.add, (_ctx, [dy]) => ({ x: dy!, y: dy! }));

/** x + y with broadcasting. @example tf.add(x, 1) */
export function add(x: TensorLike, y: TensorLike, name?: string): Tensor {
  return applyOp(Add, [x, y], {}, { name })[0]!;
}
