import * as tfc from '@tensorflow/tfjs-core';
import { InvalidArgumentError } from '../../errors.js';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import { attr } from '../core/attr.js';
import { defineOp } from '../core/define.js';
import { shapeOrConst } from './shape.js';
// A cycle (each op's gradient is the other): only used inside gradient functions.
import { stridedSlice, type StridedSliceOptions } from './strided_slice.js';
import { resolveStridedSlice, type SliceMasks } from './strided_slice_spec.js';
import { hostInts, shapeFromTensor } from './util.js';

const invalid = (m: string): Error => new InvalidArgumentError(m);

/** Spreads `n` elements along `axis` `stride` apart, zeros between ((n - 1) * stride + 1 long). */
function dilate(y: tfc.Tensor, axis: number, stride: number): tfc.Tensor {
  const n = y.shape[axis]!;
  const padding = y.shape.map((): [number, number] => [0, 0]);
  padding.splice(axis + 1, 0, [0, stride - 1]);
  const spread = tfc.pad(tfc.expandDims(y, axis + 1), padding);
  const merged = [...y.shape];
  merged[axis] = n * stride;
  const begin = new Array<number>(y.rank).fill(0);
  const size = [...y.shape];
  size[axis] = (n - 1) * stride + 1;
  return tfc.slice(tfc.reshape(spread, merged), begin, size);
}

export const StridedSliceGrad = defineOp({
  type: 'StridedSliceGrad',
  inputs: ['shape:Index', 'begin:Index', 'end:Index', 'strides:Index', 'dy'],
  attrs: {
    T: attr.type(),
    Index: attr.type('int32'),
    begin_mask: attr.int(0),
    end_mask: attr.int(0),
    ellipsis_mask: attr.int(0),
    new_axis_mask: attr.int(0),
    shrink_axis_mask: attr.int(0),
  },
  infer: ([shape], a) => [{ dtype: a.T, shape: shapeFromTensor(shape!, 'shape') }],
  kernel: ([shape, b, e, s, dy], a) => {
    const dims = hostInts(shape!);
    const spec = resolveStridedSlice(hostInts(b!), hostInts(e!), hostInts(s!), dims, a, invalid);
    const sizes = spec.processing as number[];
    if (sizes.some((n) => n === 0) || dims.length === 0)
      return [dims.length === 0 ? tfc.reshape(dy!, []) : tfc.zeros(dims, dy!.dtype)];
    let y = tfc.reshape(dy!, sizes);
    const reversed = spec.strides.map((st, i) => (st < 0 ? i : -1)).filter((i) => i >= 0);
    if (reversed.length > 0) y = tfc.reverse(y, reversed);
    spec.strides.forEach((st, i) => {
      if (Math.abs(st) > 1) y = dilate(y, i, Math.abs(st));
    });
    const padding = sizes.map((n, i): [number, number] => {
      const st = spec.strides[i]!;
      const lo = st > 0 ? spec.begin[i]! : spec.begin[i]! + (n - 1) * st;
      return [lo, dims[i]! - lo - y.shape[i]!];
    });
    return [tfc.pad(y, padding)];
  },
  // TF's _StridedSliceGradGrad: the slice of the incoming gradient.
  grad: ({ inputs: [, b, e, s], attrs }, [ddx]) => ({
    shape: null,
    begin: null,
    end: null,
    strides: null,
    dy: stridedSlice(ddx!, b!, e!, s!, maskOptions(attrs)),
  }),
});

function maskValues(a: SliceMasks): Record<string, number> {
  return {
    begin_mask: a.begin_mask,
    end_mask: a.end_mask,
    ellipsis_mask: a.ellipsis_mask,
    new_axis_mask: a.new_axis_mask,
    shrink_axis_mask: a.shrink_axis_mask,
  };
}

function maskOptions(a: SliceMasks): StridedSliceOptions {
  return {
    beginMask: a.begin_mask,
    endMask: a.end_mask,
    ellipsisMask: a.ellipsis_mask,
    newAxisMask: a.new_axis_mask,
    shrinkAxisMask: a.shrink_axis_mask,
  };
}

/**
 * The gradient of a StridedSlice of `x`: `dy` placed back into zeros of x's shape.
 * @example stridedSliceGrad(x, begin, end, strides, dy, op.attrs)
 */
export function stridedSliceGrad(
  x: Tensor,
  begin: Tensor,
  end: Tensor,
  strides: Tensor,
  dy: Tensor,
  masks: SliceMasks,
): Tensor {
  return applyOp(
    StridedSliceGrad,
    [shapeOrConst(x, begin.dtype), begin, end, strides, dy],
    maskValues(masks),
    { name: 'StridedSliceGrad' },
  )[0]!;
}
