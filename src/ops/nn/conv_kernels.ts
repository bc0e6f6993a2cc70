import * as tfc from '@tensorflow/tfjs-core';
import { InvalidArgumentError, ValueError } from '../../errors.js';
import { TensorShape } from '../../graph/shape.js';
import type { InferInput } from '../core/define.js';
import { effectiveKernel, isChannelsFirst, resolvePadding, spatialAxes } from '../util/conv.js';
import {
  convForwardShape,
  convGeometry,
  type ConvAttrLike,
  type ConvGeometry,
} from './conv_shape.js';

/**
 * tfjs building blocks of the convolution kernels. Everything here works on channels-last
 * tensors with explicit [before, after] padding per spatial axis, composed only of tfjs ops
 * every backend has (conv2d, conv3d, pad, slice, transpose, reshape), so each TF case (NCHW,
 * strides with dilations, grouped filters, explicit padding) is right on cpu, wasm and webgl.
 */

export type Pads = readonly (readonly [number, number])[];

/** [a, a + 1, ..., b - 1]. */
export const range = (a: number, b: number): number[] =>
  Array.from({ length: Math.max(b - a, 0) }, (_, i) => a + i);

export function toChannelsLast(x: tfc.Tensor, df: string): tfc.Tensor {
  return isChannelsFirst(df) ? tfc.transpose(x, [0, ...range(2, x.rank), 1]) : x;
}

export function fromChannelsLast(x: tfc.Tensor, df: string): tfc.Tensor {
  return isChannelsFirst(df) ? tfc.transpose(x, [0, x.rank - 1, ...range(1, x.rank - 1)]) : x;
}

/** A full shape in `df`'s layout reordered to channels-last. */
export function shapeToChannelsLast(shape: readonly number[], df: string): number[] {
  if (!isChannelsFirst(df)) return [...shape];
  return [shape[0]!, ...spatialAxes(df).map((a) => shape[a]!), shape[1]!];
}

/** The spatial sizes of a channels-last shape. */
export function spatialOfLast(shape: readonly number[]): number[] {
  return shape.slice(1, shape.length - 1);
}

/** Pads (positive amounts) or crops (negative amounts) each spatial axis of a channels-last tensor. */
export function padOrCrop(x: tfc.Tensor, pads: Pads): tfc.Tensor {
  let y = x;
  if (pads.some(([a, b]) => a < 0 || b < 0)) {
    const begin = [0, ...pads.map(([a]) => Math.max(-a, 0)), 0];
    const size = [
      -1,
      ...pads.map(([a, b], i) => Math.max(x.shape[i + 1]! - Math.max(-a, 0) - Math.max(-b, 0), 0)),
      -1,
    ];
    y = tfc.slice(y, begin, size);
  }
  if (pads.some(([a, b]) => a > 0 || b > 0)) {
    y = tfc.pad(y, [
      [0, 0],
      ...pads.map(([a, b]): [number, number] => [Math.max(a, 0), Math.max(b, 0)]),
      [0, 0],
    ]);
  }
  return y;
}

/** Output length of a padded VALID window; used for empty-tensor results. */
function outLength(
  n: number,
  k: number,
  s: number,
  d: number,
  pad: readonly [number, number],
): number {
  return Math.max(Math.floor((n + pad[0] + pad[1] - effectiveKernel(k, d)) / s) + 1, 0);
}

/**
 * Channels-last convolution of x [N, ...spatial, C] with w [...k, C / groups, F] for 2 or 3
 * spatial axes, any strides and dilations, explicit padding.
 */
export function convChannelsLast(
  x: tfc.Tensor,
  w: tfc.Tensor,
  strides: readonly number[],
  dilations: readonly number[],
  pads: Pads,
): tfc.Tensor {
  const nd = strides.length;
  const ks = w.shape.slice(0, nd);
  if (x.size === 0 || w.size === 0) {
    const spatial = spatialOfLast(x.shape).map((n, i) =>
      outLength(n, ks[i]!, strides[i]!, dilations[i]!, pads[i]!),
    );
    return tfc.zeros([x.shape[0]!, ...spatial, w.shape[nd + 1]!]);
  }
  const groups = x.shape[nd + 1]! / w.shape[nd]!;
  if (groups > 1) {
    // Grouped filters (TF allows input depth a multiple of the filter's): one conv per group.
    const xs = tfc.split(x, groups, nd + 1);
    const ws = tfc.split(w, groups, nd + 1);
    return tfc.concat(
      xs.map((xi, i) => convChannelsLast(xi, ws[i]!, strides, dilations, pads)),
      nd + 1,
    );
  }
  if (strides.some((s) => s > 1) && dilations.some((d) => d > 1)) {
    // tfjs rejects strides and dilations both above 1 (TF allows it): convolve densely, then
    // keep every stride-th output.
    const dense = convChannelsLast(
      x,
      w,
      strides.map(() => 1),
      dilations,
      pads,
    );
    return tfc.stridedSlice(
      dense,
      dense.shape.map(() => 0),
      dense.shape,
      [1, ...strides, 1],
    );
  }
  const zero = pads.every(([a, b]) => a === 0 && b === 0);
  if (nd === 2) {
    const pad: 'valid' | [[number, number], [number, number], [number, number], [number, number]] =
      zero
        ? 'valid'
        : [
            [0, 0],
            [pads[0]![0], pads[0]![1]],
            [pads[1]![0], pads[1]![1]],
            [0, 0],
          ];
    return tfc.conv2d(
      x as tfc.Tensor4D,
      w as tfc.Tensor4D,
      [strides[0]!, strides[1]!],
      pad,
      'NHWC',
      [dilations[0]!, dilations[1]!],
    );
  }
  if (nd === 3) {
    const xp = zero ? x : padOrCrop(x, pads);
    const t3 = (a: readonly number[]): [number, number, number] => [a[0]!, a[1]!, a[2]!];
    return tfc.conv3d(
      xp as tfc.Tensor5D,
      w as tfc.Tensor5D,
      t3(strides),
      'valid',
      'NDHWC',
      t3(dilations),
    );
  }
  throw new InvalidArgumentError(`convolution over ${nd} spatial dimensions is not supported`);
}

/** Runs a build-time shape check on concrete shapes; its ValueError becomes TF's runtime error. */
export function checkAtRuntime<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof ValueError) throw new InvalidArgumentError(e.message);
    throw e;
  }
}

/** What shape checks see of a concrete tensor. */
export function concrete(t: tfc.Tensor): InferInput {
  return { dtype: 'float32', shape: new TensorShape(t.shape), value: null };
}

/** The padding of each spatial axis of a convolution over `inputSpatial` with these kernel sizes. */
export function padsFor(
  g: ConvGeometry,
  inputSpatial: readonly number[],
  ks: readonly number[],
): [number, number][] {
  return resolvePadding(inputSpatial, ks, g.strides, g.dilations, g.padding, g.explicit);
}

/** Kernel of Conv2D / Conv3D in any data format. */
export function convForwardKernel(
  opType: string,
  x: tfc.Tensor,
  w: tfc.Tensor,
  a: ConvAttrLike,
): tfc.Tensor {
  checkAtRuntime(() => convForwardShape(opType, concrete(x), concrete(w), a));
  const g = convGeometry(opType, a);
  const xl = toChannelsLast(x, g.df);
  const pads = padsFor(g, spatialOfLast(xl.shape), w.shape.slice(0, g.nd));
  return fromChannelsLast(convChannelsLast(xl, w, g.strides, g.dilations, pads), g.df);
}
