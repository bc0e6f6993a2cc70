import * as tfc from '@tensorflow/tfjs-core';
import { applyOp } from '../core/apply.js';
import type { TensorLike } from '../core/tensor_like.js';
import type { Tensor } from '../../graph/tensor.js';
import { defineBinary } from './elementwise.js';

export const Mul = defineBinary('Mul', tfc.mul, ({ inputs: [x, y] }, [dy]) => ({ x: multiply(dy!, y!), y: multiply(x!, dy!) }));

/** x * y with broadcasting. @example tf.multiply(x, 2) */
export function multiply(x: TensorLike, y: TensorLike, name?: string): Tensor {
  return applyOp(Mul, [x, y], {}, { name })[0]!;
}
