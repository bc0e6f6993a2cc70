import * as tfc from '@tensorflow/tfjs-core';
import { gatherStrings } from './gather_strings.js';
import { InvalidArgumentError, UnimplementedError, ValueError } from '../../errors.js';
import { TensorShape } from '../../graph/shape.js';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp, constantValue } from '../core/apply.js';
import { attr } from '../core/attr.js';
import { defineOp } from '../core/define.js';
import type { TensorLike } from '../core/tensor_like.js';
import { add } from '../math/add.js';
import { stack } from './pack.js';
import { reshape } from './reshape.js';
import { shape as shapeOf } from './shape.js';
import { transpose } from './transpose.js';
import { unsortedSegmentSum } from './unsorted_segment_sum.js';
import { hostInts, knownInt, knownInts, partialInts } from './util.js';

/** TF's index form in gather errors: `[1]`, `[1,0]`. */
function indexString(flat: number, shape: readonly number[]): string {
  const idx: number[] = [];
  let rest = flat;
  for (let i = shape.length - 1; i >= 0; i--) {
    idx.unshift(rest % shape[i]!);
    rest = Math.floor(rest / shape[i]!);
  }
  return `[${idx.join(',')}]`;
}

const span = (start: number, length: number): number[] =>
  Array.from({ length }, (_, i) => start + i);
const prod = (dims: readonly number[]): number => dims.reduce((a, b) => a * b, 1);

/**
 * A gather with batch dims as one plain gather (tfjs' batchDims is wrong on wasm): each batch's
 * block of params is laid end to end and its indices offset into its own block.
 */
function batchGather(params: tfc.Tensor, indices: tfc.Tensor, axis: number, b: number): tfc.Tensor {
  const p = params.shape;
  const outer = p.slice(b, axis);
  const inner = p.slice(axis + 1);
  const idxDims = indices.shape.slice(b);
  const n = p[axis]!;
  const batch = prod(p.slice(0, b));
  const perBatch = prod(idxDims);
  // params as B + [N] + O + In, flattened to [B*N] + O + In.
  const blocks = tfc.reshape(
    tfc.transpose(params, [
      ...span(0, b),
      axis,
      ...span(b, outer.length),
      ...span(axis + 1, inner.length),
    ]),
    [batch * n, ...outer, ...inner],
  );
  const offsets = tfc.tensor1d(
    Array.from({ length: batch * perBatch }, (_, k) => Math.floor(k / perBatch) * n),
    'int32',
  );
  const rows = tfc.gather(blocks, tfc.add(tfc.reshape(indices, [-1]), offsets), 0);
  // B + I + O + In back to TF's B + O + I + In.
  const shaped = tfc.reshape(rows, [...p.slice(0, b), ...idxDims, ...outer, ...inner]);
  const i0 = b + idxDims.length;
  return tfc.transpose(shaped, [
    ...span(0, b),
    ...span(i0, outer.length),
    ...span(b, idxDims.length),
    ...span(i0 + outer.length, inner.length),
  ]);
}

export const GatherV2 = defineOp({
  type: 'GatherV2',
  inputs: ['params:Tparams', 'indices:Tindices', 'axis:Taxis'],
  attrs: {
    Tparams: attr.type(),
    Tindices: attr.type('int32'),
    Taxis: attr.type('int32'),
    batch_dims: attr.int(0),
  },
  // TF's GatherV2 shape function.
  infer: ([params, indices, axisIn], a) => {
    axisIn!.shape.withRankOrThrow(0, 'axis');
    const p = params!.shape.withRankAtLeast(1, 'params');
    const ind = indices!.shape;
    const axis = knownInt(axisIn!);
    if (axis === null) {
      const shape =
        p.rank !== null && ind.rank !== null
          ? TensorShape.unknownOfRank(p.rank + ind.rank - 1 - a.batch_dims)
          : TensorShape.unknown();
      return [{ dtype: a.Tparams, shape }];
    }
    p.withRankAtLeast(axis < 0 ? -axis : axis + 1, 'params');
    let batchDims = a.batch_dims;
    ind.withRankAtLeast(Math.abs(batchDims), 'indices');
    if (batchDims < 0 && ind.rank !== null) batchDims += ind.rank;
    p.withRankAtLeast(batchDims + 1, 'params');
    if (p.dims === null || ind.dims === null)
      return [{ dtype: a.Tparams, shape: TensorShape.unknown() }];
    const ax = axis < 0 ? axis + p.dims.length : axis;
    const dims = [...p.dims.slice(0, ax), ...ind.dims.slice(batchDims), ...p.dims.slice(ax + 1)];
    return [{ dtype: a.Tparams, shape: new TensorShape(dims) }];
  },
  kernel: ([params, indices, axisT], a) => {
    const rank = params!.rank;
    let axis = hostInts(axisT!)[0]!;
    if (axis < -rank || axis >= rank)
      throw new InvalidArgumentError(
        `Expected axis in the range [${-rank}, ${rank}), but got ${axis}`,
      );
    if (axis < 0) axis += rank;
    let batchDims = a.batch_dims;
    if (batchDims < 0) batchDims += indices!.rank;
    if (batchDims > axis)
      throw new InvalidArgumentError(
        `batch_dims (${a.batch_dims}) must be less than or equal to axis (${axis}).`,
      );
    const limit = params!.shape[axis]!;
    const values = hostInts(indices!);
    const bad = values.findIndex((v) => v < 0 || v >= limit);
    if (bad >= 0)
      throw new InvalidArgumentError(
        `indices${indexString(bad, indices!.shape)} = ${values[bad]} is not in [0, ${limit})`,
      );
    // tfjs' gather rejects strings, which TF gathers like any dtype.
    if (params!.dtype === 'string') return [gatherStrings(params!, indices!, axis, batchDims)];
    const idx = tfc.cast(indices!, 'int32');
    return [
      batchDims === 0 ? tfc.gather(params!, idx, axis) : batchGather(params!, idx, axis, batchDims),
    ];
  },
  // TF's _GatherV2Grad, dense: TF yields IndexedSlices, which it densifies with
  // UnsortedSegmentSum; here the gradient is that dense tensor directly.
  grad: ({ inputs: [params, indices, axisT], attrs }, [dy]) => {
    const axisV = constantValue(axisT!);
    const rank = params!.shape.rank;
    if (!axisV || rank === null) {
      throw new UnimplementedError(
        `The gradient of GatherV2 needs its axis and the params' rank while building; '${axisT!.name}' is not a constant or '${params!.name}' has unknown rank`,
      );
    }
    const raw = axisV.data[0] as number;
    const axis = raw < 0 ? raw + rank : raw;
    const grad =
      attrs.batch_dims === 0
        ? gatherGrad(params!, indices!, dy!, axis, rank)
        : batchGatherGrad(params!, indices!, dy!, axis, attrs.batch_dims);
    return { params: grad, indices: null, axis: null };
  },
  // Picking entries of a shape vector (gather(shape(x), [1, 0])) keeps what is known of them.
  partialValue: ([params, indices, axis], a) => {
    const p = partialInts(params!);
    const idx = knownInts(indices!);
    if (
      !p ||
      params!.shape.rank !== 1 ||
      !idx ||
      knownInt(axis!) === null ||
      a.batch_dims !== 0 ||
      (indices!.shape.rank ?? 2) > 1
    )
      return null;
    if (idx.some((i) => i < 0 || i >= p.length)) return null;
    return idx.map((i) => p[i]!);
  },
});

/** A dim of `t` for a builder: its static value, or read from Shape(t) at run time. */
function dimOf(t: Tensor, i: number, shape: () => Tensor): number | Tensor {
  return t.shape.dim(i) ?? gather(shape(), i, { axis: 0 });
}

/** A shape vector from static dims and scalar tensors. */
function vectorOf(dims: readonly (number | Tensor)[]): TensorLike {
  return dims.every((d) => typeof d === 'number')
    ? Int32Array.from(dims as number[])
    : stack(dims as TensorLike[]);
}

/** The dense gradient of a gather along `axis` (batch_dims 0). */
function gatherGrad(
  params: Tensor,
  indices: Tensor,
  dy: Tensor,
  axis: number,
  rank: number,
): Tensor {
  let s: Tensor | null = null;
  const shape = (): Tensor => (s ??= shapeOf(params));
  const dims = Array.from({ length: rank }, (_, i) => (i === axis ? -1 : dimOf(params, i, shape)));
  const values = reshape(dy, vectorOf(dims));
  const ids = reshape(indices, [-1]);
  const n = dimOf(params, axis, shape);
  if (axis === 0) return unsortedSegmentSum(values, ids, n);
  // Segment sums run along axis 0: move the gathered axis first and back after.
  const perm = [axis, ...Array.from({ length: rank }, (_, i) => i).filter((i) => i !== axis)];
  const inverse = perm.map((_, i) => perm.indexOf(i));
  return transpose(unsortedSegmentSum(transpose(values, perm), ids, n), inverse);
}

/**
 * The dense gradient of a gather with batch dims (TF's _BatchGatherGrad): each batch's ids are
 * offset into their own block, so one segment sum serves all batches. Needs static shapes.
 */
function batchGatherGrad(
  params: Tensor,
  indices: Tensor,
  dy: Tensor,
  axis: number,
  batchDimsAttr: number,
): Tensor {
  const ps = params.shape;
  const is = indices.shape;
  if (!ps.isFullyDefined() || !is.isFullyDefined()) {
    throw new UnimplementedError(
      `The gradient of GatherV2 with batch_dims needs fully known params and indices shapes; got ${ps.toString()} and ${is.toString()}`,
    );
  }
  const p = ps.dims as number[];
  const ind = is.dims as number[];
  const b = batchDimsAttr < 0 ? batchDimsAttr + ind.length : batchDimsAttr;
  if (b > axis)
    throw new ValueError(
      `batch_dims (${batchDimsAttr}) must be less than or equal to axis (${axis}).`,
    );
  const batch = p.slice(0, b).reduce((x, y) => x * y, 1);
  const outer = p.slice(b, axis);
  const inner = p.slice(axis + 1);
  const idxDims = ind.slice(b);
  const n = p[axis]!;
  // dy is B + O + I + In; bring it to B + I + O + In, flatten B + I into rows.
  const range = (lo: number, len: number): number[] =>
    Array.from({ length: len }, (_, i) => lo + i);
  const toRows = [
    ...range(0, b),
    ...range(b + outer.length, idxDims.length),
    ...range(b, outer.length),
    ...range(b + outer.length + idxDims.length, inner.length),
  ];
  const rows = reshape(transpose(dy, toRows), Int32Array.from([-1, ...outer, ...inner]));
  const perBatch = idxDims.reduce((x, y) => x * y, 1);
  const offsets = Int32Array.from(
    { length: batch * perBatch },
    (_, k) => Math.floor(k / perBatch) * n,
  );
  const ids = add(reshape(indices, [-1]), offsets);
  const summed = unsortedSegmentSum(rows, ids, batch * n);
  // B*N + O + In back to B + O + N + In.
  const blocks = reshape(summed, Int32Array.from([...p.slice(0, b), n, ...outer, ...inner]));
  const back = [
    ...range(0, b),
    ...range(b + 1, outer.length),
    b,
    ...range(b + 1 + outer.length, inner.length),
  ];
  return transpose(blocks, back);
}

export interface GatherOptions {
  axis?: TensorLike;
  batchDims?: number;
  name?: string;
}

/**
 * TF1's tf.gather (GatherV2): slices of `params` along `axis` at `indices`.
 * @example tf.gather(x, [2, 0], {axis: 1})
 */
export function gather(
  params: TensorLike,
  indices: TensorLike,
  options: GatherOptions = {},
): Tensor {
  const o = options;
  const batchDims = o.batchDims ?? 0;
  return applyOp(
    GatherV2,
    [params, indices, o.axis ?? batchDims],
    { batch_dims: batchDims },
    { name: o.name ?? 'GatherV2' },
  )[0]!;
}
