import type { Tensor } from '../../graph/tensor.js';
import { constant } from '../array/const.js';
import { fill } from '../array/fill.js';
import { shape } from '../array/shape.js';
import type { TensorLike } from '../core/tensor_like.js';
import { cumsum } from './cumsum.js';

/** `x`'s shape: a constant when fully known, else the Shape op. */
export function shapeOrConst(x: Tensor): TensorLike {
  return x.shape.isFullyDefined() ? Int32Array.from(x.shape.dims as number[]) : shape(x);
}

/**
 * Ones shaped and typed like `x`, for gradient rules (TF's ones_like): `Fill(shape(x), 1)`,
 * the shape a Const when fully known.
 */
export function onesLikeOf(x: Tensor): Tensor {
  return fill(shapeOrConst(x), constant(1, { dtype: x.dtype }));
}

/**
 * [0, 1, ..., rank(x) - 1] as an int32 vector computed at run time, for tensors of unknown
 * rank. // TF1: TF builds Range(0, Rank(x), 1); those are array ops, so this is the
 * exclusive cumulative sum of ones(rank), which gives the same values.
 */
export function rangeOfRank(x: Tensor): Tensor {
  const s = shape(x);
  return cumsum(fill(shape(s), constant(1, { dtype: 'int32' })), 0, { exclusive: true });
}
