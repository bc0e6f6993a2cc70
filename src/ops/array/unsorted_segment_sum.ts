import * as tfc from '@tensorflow/tfjs-core';
import { InvalidArgumentError, ValueError } from '../../errors.js';
import { TensorShape } from '../../graph/shape.js';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import { attr } from '../core/attr.js';
import { defineOp } from '../core/define.js';
import type { TensorLike } from '../core/tensor_like.js';
import { gather } from './gather_v2.js';
import { bracket, hostInts, knownInt } from './util.js';

/**
 * Sums the rows of `x` into `n` rows by `ids` (negative ids dropped), with ScatterNd, which
 * accumulates duplicates and exists on every backend (tfjs' UnsortedSegmentSum is not on wasm).
 */
export function segmentSumRows(x: tfc.Tensor, ids: readonly number[], n: number): tfc.Tensor {
  const rest = x.shape.slice(1);
  const keep = ids.flatMap((id, row) => (id >= 0 ? [row] : []));
  if (n === 0 || keep.length === 0) return tfc.zeros([n, ...rest], x.dtype);
  const rows = keep.length === ids.length ? x : tfc.gather(x, tfc.tensor1d(keep, 'int32'));
  const at = tfc.tensor2d(
    keep.map((row) => ids[row]!),
    [keep.length, 1],
    'int32',
  );
  return tfc.scatterND(at, rows, [n, ...rest]);
}

/**
 * TF's UnsortedSegmentSum (a math op in TF; here because it is the dense gradient of GatherV2).
 * Rows of `data` whose id is negative are dropped, as in TF.
 */
export const UnsortedSegmentSum = defineOp({
  type: 'UnsortedSegmentSum',
  inputs: ['data', 'segment_ids:Tindices', 'num_segments:Tnumsegments'],
  attrs: { T: attr.type(), Tindices: attr.type('int32'), Tnumsegments: attr.type('int32') },
  infer: ([data, ids, num], a) => {
    num!.shape.withRankOrThrow(0, 'num_segments');
    if (ids!.shape.dims === null) return [{ dtype: a.T, shape: TensorShape.unknown() }];
    const r = ids!.shape.dims.length;
    const d = data!.shape.withRankAtLeast(r, 'data');
    const n = knownInt(num!);
    if (n !== null && n < 0)
      throw new ValueError(
        `Dimension size, given by scalar input 2, must be non-negative but is ${n}`,
      );
    if (d.dims === null) return [{ dtype: a.T, shape: TensorShape.unknown() }];
    if (!new TensorShape(d.dims.slice(0, r)).isCompatibleWith(ids!.shape)) {
      throw new ValueError(
        `Shapes ${new TensorShape(d.dims.slice(0, r)).toString()} and ${ids!.shape.toString()} are not compatible`,
      );
    }
    return [{ dtype: a.T, shape: new TensorShape([n, ...d.dims.slice(r)]) }];
  },
  kernel: ([data, ids, num]) => {
    const n = hostInts(num!)[0]!;
    const idValues = hostInts(ids!);
    if (ids!.shape.some((d, i) => d !== data!.shape[i])) {
      throw new InvalidArgumentError(
        `data.shape = ${bracket(data!.shape)} does not start with segment_ids.shape = ${bracket(ids!.shape)}`,
      );
    }
    const bad = idValues.findIndex((v) => v >= n);
    if (bad >= 0)
      throw new InvalidArgumentError(
        `segment_ids[${bad}] = ${idValues[bad]} is out of range [0, ${n})`,
      );
    const rest = data!.shape.slice(ids!.rank);
    return [segmentSumRows(tfc.reshape(data!, [idValues.length, ...rest]), idValues, n)];
  },
  // TF's _UnsortedSegmentSumGrad: each row reads its segment's gradient back. // TF1: TF also
  // zeroes rows with negative ids; here those ids must not reach a gradient.
  grad: ({ inputs: [, ids] }, [dy]) => ({
    data: gather(dy!, ids!),
    segment_ids: null,
    num_segments: null,
  }),
});

/** Sums the rows of `data` into `numSegments` rows by `segmentIds`. @example tf.unsortedSegmentSum(x, [0, 1, 0], 2) */
export function unsortedSegmentSum(
  data: TensorLike,
  segmentIds: TensorLike,
  numSegments: TensorLike,
  name?: string,
): Tensor {
  return applyOp(
    UnsortedSegmentSum,
    [data, segmentIds, numSegments],
    {},
    { name: name ?? 'UnsortedSegmentSum' },
  )[0]!;
}
