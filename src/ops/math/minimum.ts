import * as tfc from '@tensorflow/tfjs-core';
import type { Tensor } from '../../graph/tensor.js';
import { zerosLike } from '../array/zeros_like.js';
import { applyOp } from '../core/apply.js';
import type { TensorLike } from '../core/tensor_like.js';
import { defineBinary } from './elementwise.js';
import { lessEqual } from './less_equal.js';
import { where } from './select.js';

// TF's _MinimumGrad: the gradient goes to x where x <= y (ties to x), to y elsewhere.
export const Minimum = defineBinary('Minimum', tfc.minimum, ({ inputs: [x, y] }, [dy]) => {
  const zeros = zerosLike(dy!);
  const xmask = lessEqual(x!, y!);
  return { x: where(xmask, dy!, zeros), y: where(xmask, zeros, dy!) };
});

/** Elementwise min(x, y) with broadcasting. @example tf.minimum(x, 6) */
export function minimum(x: TensorLike, y: TensorLike, name?: string): Tensor {
  return applyOp(Minimum, [x, y], {}, { name })[0]!;
}
