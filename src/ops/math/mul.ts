import * as tfc from '@tensorflow/tfjs-core';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import type { TensorLike } from '../core/tensor_like.js';
import { defineBinary } from './elementwise.js';

// TF's _MulGrad: dx = dy * y, dy = x * dy (output-shaped; the driver undoes broadcasting).
export const Mul = defineBinary('Mul', tfc.mul, ({ inputs: [x, y] }, [dy]) => ({
  x: multiply(dy!, y!),
  y: multiply(x!, dy!),
}));

/** x * y with broadcasting. @example tf.multiply(x, 2) */
export function multiply(x: TensorLike, y: TensorLike, name?: string): Tensor {
  return applyOp(Mul, [x, y], {}, { name })[0]!;
}
