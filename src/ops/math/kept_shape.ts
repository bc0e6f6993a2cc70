import type { Tensor } from '../../graph/tensor.js';
import { reshape } from '../array/reshape.js';
import { shape } from '../array/shape.js';
import { constantValue } from '../core/apply.js';
import type { TensorLike } from '../core/tensor_like.js';
import { normalizeAxes } from '../util/reduce.js';
import { add } from './add.js';
import { cast } from './cast.js';
import { equal } from './equal.js';
import { floormod } from './floor_mod.js';
import { minimum } from './minimum.js';
import { multiply } from './mul.js';
import { rangeOfRank } from './shape_util.js';
import { subtract } from './sub.js';
// A cycle (sum.ts imports this file for its gradient); only used inside functions.
import { reduceSum } from './sum.js';

/**
 * The shape of a reduction's output with the reduced axes kept as 1 (TF's
 * output_shape_kept_dims): a Const when the shape and axes are known while building, else
 * computed at run time, `shape(x) * (1 - mask) + mask` with mask[i] = 1 on reduced axes.
 */
export function keptShape(x: Tensor, axes: Tensor): TensorLike {
  const axesValue = constantValue(axes);
  const rank = x.shape.rank;
  if (axesValue && rank !== null) {
    const reduced = normalizeAxes(Array.from(axesValue.data as ArrayLike<number>), rank);
    if (x.shape.isFullyDefined())
      return Int32Array.from(
        (x.shape.dims as number[]).map((d, i) => (reduced.includes(i) ? 1 : d)),
      );
    const keep = Int32Array.from({ length: rank }, (_, i) => (reduced.includes(i) ? 0 : 1));
    const ones = Int32Array.from({ length: rank }, (_, i) => (reduced.includes(i) ? 1 : 0));
    return add(multiply(shape(x), keep), ones);
  }
  // TF's reduced_shape, without DynamicStitch: a mask from comparing every axis index with the
  // (normalised) reduction axes.
  const s = shape(x);
  const r = shape(s);
  const idx = rangeOfRank(x);
  const normalized = floormod(add(reshape(cast(axes, 'int32'), [-1]), r), r);
  const hits = cast(equal(reshape(idx, [-1, 1]), reshape(normalized, [1, -1])), 'int32');
  const mask = minimum(reduceSum(hits, 1), 1);
  return add(multiply(s, subtract(1, mask)), mask);
}

/** Reshapes a reduction's output gradient to the input's rank with size-1 reduced axes. */
export function keptDims(dy: Tensor, x: Tensor, axes: Tensor, keepDims: boolean): Tensor {
  return keepDims ? dy : reshape(dy, keptShape(x, axes));
}
