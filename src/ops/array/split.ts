import * as tfc from '@tensorflow/tfjs-core';
import { InvalidArgumentError, ValueError } from '../../errors.js';
import { TensorShape } from '../../graph/shape.js';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import { attr } from '../core/attr.js';
import { defineOp } from '../core/define.js';
import { symbolicOf, type TensorLike } from '../core/tensor_like.js';
import { scalarAxis } from './axis.js';
import { concat } from './concat_v2.js';
import { SplitV } from './split_v.js';
import { constOf, withGraphOf } from './static.js';
import { hostInts } from './util.js';

/** A split axis read by a kernel, with TF's range error. */
export function kernelSplitDim(t: tfc.Tensor, x: tfc.Tensor): number {
  const orig = hostInts(t)[0]!;
  const dim = orig < 0 ? orig + x.rank : orig;
  if (dim < 0 || dim >= x.rank)
    throw new InvalidArgumentError(`-${x.rank} <= split_dim < ${x.rank} but got ${orig}`);
  return dim;
}

export const Split = defineOp({
  type: 'Split',
  inputs: ['split_dim:int32', 'value'],
  attrs: { T: attr.type(), num_split: attr.int() },
  infer: ([axis, x], a) => {
    const dim = scalarAxis(axis!, x!.shape.rank);
    let out: TensorShape;
    if (dim === null)
      out =
        x!.shape.rank === null ? TensorShape.unknown() : TensorShape.unknownOfRank(x!.shape.rank);
    else if (x!.shape.withRankAtLeast(dim + 1).dims === null) out = TensorShape.unknown();
    else {
      const dims = [...x!.shape.dims!];
      const d = dims[dim] ?? null;
      if (d !== null && d % a.num_split !== 0) {
        throw new ValueError(
          `Dimension size must be evenly divisible by ${a.num_split} but is ${d}\n\tNumber of ways to split should evenly divide the split dimension`,
        );
      }
      dims[dim] = d === null ? null : d / a.num_split;
      out = new TensorShape(dims);
    }
    return new Array(a.num_split).fill(null).map(() => ({ dtype: a.T, shape: out }));
  },
  kernel: ([axis, x], a) => {
    const dim = kernelSplitDim(axis!, x!);
    const size = x!.shape[dim]!;
    if (size % a.num_split !== 0) {
      throw new InvalidArgumentError(
        `Number of ways to split should evenly divide the split dimension, but got split_dim ${dim} (size = ${size}) and num_split ${a.num_split}`,
      );
    }
    return a.num_split === 1 ? [tfc.clone(x!)] : tfc.split(x!, a.num_split, dim);
  },
  // TF's _SplitGrad: the parts' gradients concatenated back along the split axis.
  grad: ({ inputs: [axis] }, dys) => ({ split_dim: null, value: concat(dys as Tensor[], axis!) }),
});

export interface SplitOptions {
  /** The number of outputs when `numOrSizeSplits` is a tensor of unknown length. */
  num?: number;
  name?: string;
}

/**
 * TF1's tf.split: an integer splits evenly (Split), a list or 1-D tensor gives the sizes (SplitV;
 * one size may be -1).
 * @example const [a, b] = tf.split(x, [1, 2], 1)
 */
export function split(
  value: TensorLike,
  numOrSizeSplits: number | TensorLike,
  axis: TensorLike = 0,
  options: SplitOptions = {},
): Tensor[] {
  const name = options.name ?? 'split';
  if (typeof numOrSizeSplits === 'number') {
    return applyOp(Split, [axis, value], { num_split: numOrSizeSplits }, { name });
  }
  return withGraphOf([value, numOrSizeSplits, axis], () => {
    // TF1 converts the sizes before entering the op's scope: a Const named 'Const'.
    const sizes =
      symbolicOf(numOrSizeSplits) ?? constOf(numOrSizeSplits as never, 'int32', 'Const');
    if (sizes.shape.rank === 0) {
      throw new ValueError(
        `Rank-0 tensors are not supported as the num_or_size_splits argument to split. Argument provided: ${sizes.toString()}`,
      );
    }
    const num = options.num ?? sizes.shape.dim(0);
    if (num === null)
      throw new ValueError(`Cannot infer argument \`num\` from shape ${sizes.shape.toString()}`);
    return applyOp(SplitV, [value, sizes, axis], { num_split: num }, { name });
  });
}
