import * as tfc from '@tensorflow/tfjs-core';
import { InvalidArgumentError, ValueError } from '../../errors.js';
import { TensorShape } from '../../graph/shape.js';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import { attr } from '../core/attr.js';
import { defineOp } from '../core/define.js';
import type { TensorLike } from '../core/tensor_like.js';
import { scalarAxis } from './axis.js';
import { concat } from './concat_v2.js';
import { kernelSplitDim } from './split.js';
import { hostInts, knownInts } from './util.js';

export const SplitV = defineOp({
  type: 'SplitV',
  inputs: ['value', 'size_splits:Tlen', 'split_dim:int32'],
  attrs: { T: attr.type(), Tlen: attr.type('int32'), num_split: attr.int() },
  // TF's SplitV shape function.
  infer: ([x, sizes, axis], a) => {
    const rank = x!.shape.rank;
    const dim = scalarAxis(axis!, rank);
    const n = a.num_split;
    const same = (s: TensorShape): { dtype: typeof a.T; shape: TensorShape }[] =>
      new Array(n).fill(null).map(() => ({ dtype: a.T, shape: s }));
    if (rank === null) return same(TensorShape.unknown());
    if (rank === 0) throw new ValueError("Can't split scalars");
    const data = knownInts(sizes!);
    if (data === null) {
      if (dim === null) return same(TensorShape.unknownOfRank(rank));
      const dims = [...x!.shape.dims!];
      dims[dim] = null;
      return same(new TensorShape(dims));
    }
    if (dim === null) return same(TensorShape.unknownOfRank(rank));
    x!.shape.withRankAtLeast(dim + 1);
    if (data.length !== n)
      throw new ValueError('Length of size_splits should be equal to num_outputs');
    let total = 0;
    let negOne = false;
    for (const d of data) {
      if (d === -1) {
        if (negOne) throw new ValueError('size_splits can only have one -1');
        negOne = true;
      } else total += d;
    }
    const axisSize = x!.shape.dims![dim] ?? null;
    const outs = data.map((d, i) => {
      let size = d;
      if (d === -1 && axisSize !== null) size = axisSize - total;
      if (size < -1 || (size === -1 && axisSize !== null))
        throw new ValueError(`Split size at index ${i} must be >= 0. Got: ${size}`);
      const dims = [...x!.shape.dims!];
      dims[dim] = size === -1 ? null : size;
      return { dtype: a.T, shape: new TensorShape(dims) };
    });
    if (axisSize !== null && (negOne ? total > axisSize : total !== axisSize)) {
      throw new ValueError(
        `can't split axis of size ${axisSize} into pieces of size [${data.join(',')}]`,
      );
    }
    return outs;
  },
  kernel: ([x, sizes, axis], a) => {
    const dim = kernelSplitDim(axis!, x!);
    const split = hostInts(sizes!);
    if (sizes!.rank !== 1 || split.length !== a.num_split) {
      throw new InvalidArgumentError(
        `size of the split_tensor must be 1-D and have the same elements as outputs got ${sizes!.rank} -D and ${split.length} elements`,
      );
    }
    const axisSize = x!.shape[dim]!;
    let negOne = -1;
    let determined = 0;
    split.forEach((d, i) => {
      if (d === -1) {
        if (negOne !== -1) throw new InvalidArgumentError('There can only be one -1 in the input.');
        negOne = i;
      } else determined += d;
    });
    if (!((negOne === -1 && determined === axisSize) || (negOne >= 0 && determined <= axisSize))) {
      throw new InvalidArgumentError(
        `Determined shape must either match input shape along split_dim exactly if fully specified, or be less than the size of the input along split_dim if not fully specified.  Got: ${determined}`,
      );
    }
    if (negOne >= 0) split[negOne] = axisSize - determined;
    split.forEach((d, i) => {
      if (d < 0) throw new InvalidArgumentError(`Split size at index ${i} must be >= 0. Got: ${d}`);
    });
    return a.num_split === 1 ? [tfc.clone(x!)] : tfc.split(x!, split, dim);
  },
  // TF's _SplitVGrad: the parts' gradients concatenated back along the split axis.
  grad: ({ inputs: [, , axis] }, dys) => ({
    value: concat(dys as Tensor[], axis!),
    size_splits: null,
    split_dim: null,
  }),
});

/**
 * SplitV with `num` outputs (for gradient builders; TF1's tf.split builds it for a size list).
 * @example const [a, b] = splitV(x, [1, -1], 0, 2)
 */
export function splitV(
  value: TensorLike,
  sizeSplits: TensorLike,
  axis: TensorLike,
  num: number,
  name?: string,
): Tensor[] {
  return applyOp(SplitV, [value, sizeSplits, axis], { num_split: num }, { name: name ?? 'split' });
}
