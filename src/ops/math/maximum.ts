import * as tfc from '@tensorflow/tfjs-core';
import type { Tensor } from '../../graph/tensor.js';
import { zerosLike } from '../array/zeros_like.js';
import { applyOp } from '../core/apply.js';
import type { TensorLike } from '../core/tensor_like.js';
import { defineBinary } from './elementwise.js';
import { greaterEqual } from './greater_equal.js';
import { where } from './select.js';

// TF's _MaximumGrad: the gradient goes to x where x >= y (ties to x), to y elsewhere; both
// output-shaped (the driver sums them back over broadcast axes).
export const Maximum = defineBinary('Maximum', tfc.maximum, ({ inputs: [x, y] }, [dy]) => {
  const zeros = zerosLike(dy!);
  const xmask = greaterEqual(x!, y!);
  return { x: where(xmask, dy!, zeros), y: where(xmask, zeros, dy!) };
});

/** Elementwise max(x, y) with broadcasting. @example tf.maximum(x, 0) */
export function maximum(x: TensorLike, y: TensorLike, name?: string): Tensor {
  return applyOp(Maximum, [x, y], {}, { name })[0]!;
}
