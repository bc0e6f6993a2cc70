import * as tfc from '@tensorflow/tfjs-core';
import { applyOp } from '../core/apply.js';
import type { TensorLike } from '../core/tensor_like.js';
import type { Tensor } from '../../graph/tensor.js';
import { defineBinary } from './elementwise.js';
import { negative } from './neg.js';

export const Sub = defineBinary('Sub', tfc.sub, (_ctx, [dy]) => ({ x: dy!, y: negative(dy!) }));

/** x - y with broadcasting (TF's op type 'Sub'). @example tf.subtract(x, y) */
export function subtract(x: TensorLike, y: TensorLike, name?: string): Tensor {
  return applyOp(Sub, [x, y], {}, { name })[0]!;
}
