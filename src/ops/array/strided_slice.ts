import * as tfc from '@tensorflow/tfjs-core';
import { InvalidArgumentError, ValueError } from '../../errors.js';
import { TensorShape, mergeShapes } from '../../graph/shape.js';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import { attr } from '../core/attr.js';
import { defineOp, type InferInput } from '../core/define.js';
import { symbolicOf, type TensorLike } from '../core/tensor_like.js';
import { onesLike } from './ones_like.js';
import { resolveStridedSlice, sliceIndices1d, type DenseSlice } from './strided_slice_spec.js';
import { stridedSliceGrad } from './strided_slice_grad.js';
import { hostInts, knownInts, partialInts } from './util.js';

export const sliceMaskAttrs = {
  begin_mask: attr.int(0),
  end_mask: attr.int(0),
  ellipsis_mask: attr.int(0),
  new_axis_mask: attr.int(0),
  shrink_axis_mask: attr.int(0),
};

const invalid = (m: string): Error => new InvalidArgumentError(m);
const valueError = (m: string): Error => new ValueError(m);

/** Applies a resolved slice to a concrete tensor: slice, reverse negative strides, step, reshape. */
export function applyDenseSlice(x: tfc.Tensor, spec: DenseSlice): tfc.Tensor {
  const final = spec.final as number[];
  const sizes = spec.processing as number[];
  if (x.rank === 0) return tfc.reshape(x, final);
  if (sizes.some((n) => n === 0))
    return tfc.reshape(tfc.slice(x, new Array<number>(x.rank).fill(0), sizes), final);
  const lo = sizes.map((n, i) =>
    spec.strides[i]! > 0 ? spec.begin[i]! : spec.begin[i]! + (n - 1) * spec.strides[i]!,
  );
  const extent = sizes.map((n, i) => (n - 1) * Math.abs(spec.strides[i]!) + 1);
  let y = tfc.slice(x, lo, extent);
  const reversed = spec.strides.map((s, i) => (s < 0 ? i : -1)).filter((i) => i >= 0);
  if (reversed.length > 0) y = tfc.reverse(y, reversed);
  if (spec.strides.some((s) => Math.abs(s) > 1)) {
    y = tfc.stridedSlice(y, new Array<number>(x.rank).fill(0), extent, spec.strides.map(Math.abs));
  }
  return tfc.reshape(y, final);
}

export const StridedSlice = defineOp({
  type: 'StridedSlice',
  inputs: ['input', 'begin:Index', 'end:Index', 'strides:Index'],
  attrs: { T: attr.type(), Index: attr.type('int32'), ...sliceMaskAttrs },
  infer: ([x, b, e, s], a) => {
    const vec = (t: InferInput, what: string): TensorShape =>
      new TensorShape(t.shape.withRankOrThrow(1, what));
    const spec = mergeShapes(mergeShapes(vec(b!, 'begin'), vec(e!, 'end')), vec(s!, 'strides'));
    const strides = knownInts(s!);
    if (x!.shape.dims === null || spec.dim(0) === null || strides === null)
      return [{ dtype: a.T, shape: TensorShape.unknown() }];
    const dense = resolveStridedSlice(
      knownInts(b!),
      knownInts(e!),
      strides,
      x!.shape.dims,
      a,
      valueError,
    );
    return [{ dtype: a.T, shape: new TensorShape(dense.final) }];
  },
  kernel: ([x, b, e, s], a) => {
    const spec = resolveStridedSlice(
      hostInts(b!),
      hostInts(e!),
      hostInts(s!),
      x!.shape,
      a,
      invalid,
    );
    return [applyDenseSlice(x!, spec)];
  },
  grad: ({ inputs: [x, b, e, s], attrs }, [dy]) => ({
    input: stridedSliceGrad(x!, b!, e!, s!, dy!, attrs),
    begin: null,
    end: null,
    strides: null,
  }),
  // Slices of a shape vector (shape(x)[1:], shape(x)[0]) keep what is known of its entries.
  partialValue: ([x, b, e, s], a) => {
    const p = partialInts(x!);
    const begin = knownInts(b!);
    const end = knownInts(e!);
    const strides = knownInts(s!);
    if (!p || x!.shape.rank !== 1 || !begin || !end || !strides) return null;
    const spec = resolveStridedSlice(begin, end, strides, [p.length], a, valueError);
    if (spec.final.length > 1) return null;
    return sliceIndices1d(spec).map((i) => p[i] ?? null);
  },
});

export interface StridedSliceOptions {
  beginMask?: number;
  endMask?: number;
  ellipsisMask?: number;
  newAxisMask?: number;
  shrinkAxisMask?: number;
  name?: string;
}

/**
 * TF1's tf.strided_slice with numpy-style masks; `strides` default to ones.
 * @example tf.stridedSlice(x, [0, 1], [0, 3], [1, 2], {beginMask: 1, endMask: 1})
 */
export function stridedSlice(
  input: TensorLike,
  begin: TensorLike,
  end: TensorLike,
  strides?: TensorLike | null,
  options: StridedSliceOptions = {},
): Tensor {
  let st = strides;
  if (st === undefined || st === null) {
    const bt = symbolicOf(begin);
    st = bt ? onesLike(bt) : Int32Array.from(Array.from(begin as ArrayLike<number>), () => 1);
  }
  return applyOp(
    StridedSlice,
    [input, begin, end, st],
    {
      begin_mask: options.beginMask ?? 0,
      end_mask: options.endMask ?? 0,
      ellipsis_mask: options.ellipsisMask ?? 0,
      new_axis_mask: options.newAxisMask ?? 0,
      shrink_axis_mask: options.shrinkAxisMask ?? 0,
    },
    { name: options.name ?? 'StridedSlice' },
  )[0]!;
}
