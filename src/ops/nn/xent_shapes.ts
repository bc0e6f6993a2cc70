import { ValueError } from '../../errors.js';
import type { Tensor } from '../../graph/tensor.js';
import { concat } from '../array/concat_v2.js';
import { reshape } from '../array/reshape.js';
import { shape } from '../array/shape.js';
import { slice } from '../array/slice.js';
import type { TensorLike } from '../core/tensor_like.js';

/** The rank of a cross entropy's input; TF1's dynamic-rank path is not built here. */
export function knownRank(x: Tensor, what: string): number {
  const rank = x.shape.rank;
  // TF1: the unknown-rank path builds Rank/Sub/Pack ops at run time; tfgraph asks for a rank.
  if (rank === null)
    throw new ValueError(`${what} must have a known rank, got ${x.name} with shape <unknown>`);
  return rank;
}

/**
 * TF1's _flatten_outer_dims: reshapes to [-1, last dim]. The target shape is a constant when
 * the last dim is known, else built from Shape, Slice and ConcatV2 as TF does.
 */
export function flattenOuterDims(x: Tensor, rank: number): Tensor {
  const last = x.shape.dim(rank - 1);
  let target: TensorLike;
  if (last !== null) target = Int32Array.of(-1, last);
  else if (rank === 2) target = shape(x);
  else target = concat([Int32Array.of(-1), slice(shape(x), [rank - 1], [1])], 0);
  const out = reshape(x, target);
  const outer = x.shape.dims!.slice(0, -1);
  if (outer.every((d) => d !== null))
    out.setShape([(outer as number[]).reduce((a, b) => a * b, 1), last]);
  return out;
}

/** The shape of `x` without its last dimension: a constant when known, else sliced from Shape. */
export function outerShape(x: Tensor, rank: number): TensorLike {
  const outer = x.shape.dims!.slice(0, -1);
  if (outer.every((d) => d !== null)) return Int32Array.from(outer as number[]);
  if (rank === 2) return Int32Array.of(-1);
  return slice(shape(x), [0], [rank - 1]);
}
