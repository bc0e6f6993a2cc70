import * as tfc from '@tensorflow/tfjs-core';
import type { Tensor } from '../../graph/tensor.js';
import type { TensorLike } from '../core/tensor_like.js';
import { cumprod } from './cumprod.js';
import { keptDims } from './kept_shape.js';
import { multiply } from './mul.js';
import { defineReduction, reduce, staticAxes, type ReduceOptions } from './reduction.js';

/**
 * The gradient of Prod is, at each element, the product of the other elements it was reduced
 * with; zeros included, so no division by x. TF transposes the reduced axes together and takes
 * exclusive cumulative products; the same values come axis by axis without a transpose: the
 * product excluding x[i] over axes {a1, ..., ak} is (the product over a1 excluding x[i]) times
 * (the same over {a2, ..., ak} of x's products along a1), each an exclusive Cumprod forwards
 * times one backwards.
 */
export const Prod = defineReduction(
  'Prod',
  (x, axes, keep) => tfc.prod(x, axes, keep),
  ({ inputs: [x, axes], attrs }, [dy]) => {
    const reduced = staticAxes(x!, axes!, 'Prod');
    const g = keptDims(dy!, x!, axes!, attrs.keep_dims);
    let others: Tensor | null = null;
    let partial = x!;
    for (const a of reduced) {
      const excl = multiply(
        cumprod(partial, a, { exclusive: true }),
        cumprod(partial, a, { exclusive: true, reverse: true }),
      );
      others = others ? multiply(others, excl) : excl;
      partial = reduceProd(partial, a, { keepdims: true });
    }
    return { input: others ? multiply(g, others) : g, reduction_indices: null };
  },
);

/** Product over `axis` (all axes when omitted). @example tf.reduceProd(shape) */
export function reduceProd(
  x: TensorLike,
  axis?: TensorLike | null,
  options: ReduceOptions = {},
): Tensor {
  return reduce(Prod, x, axis, options, 'Prod');
}
