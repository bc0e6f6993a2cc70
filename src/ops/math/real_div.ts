import * as tfc from '@tensorflow/tfjs-core';
import { applyOp } from '../core/apply.js';
import type { TensorLike } from '../core/tensor_like.js';
import type { Tensor } from '../../graph/tensor.js';
import { defineBinary } from './elementwise.js';
import { multiply } from './mul.js';
import { negative } from './neg.js';

// d(x/y)/dx = 1/y; d(x/y)/dy = -x/y^2, written as TF does: dy * (-x / y) / y.
export const RealDiv = defineBinary(
  'RealDiv',
  tfc.div,
  ({ inputs: [x, y] }, [dy]) => ({ x: divide(dy!, y!), y: multiply(dy!, divide(divide(negative(x!), y!), y!)) }),
  { allowed: 'float' },
);

/** x / y for floating tensors (TF's 'RealDiv'). @example tf.divide(x, 2) */
export function divide(x: TensorLike, y: TensorLike, name?: string): Tensor {
  return applyOp(RealDiv, [x, y], {}, { name })[0]!;
}
