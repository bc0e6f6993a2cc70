import * as tfc from '@tensorflow/tfjs-core';
import { isChannelsFirst, spatialOf, type Padding } from '../util/conv.js';
import { windowCounts } from '../util/pool.js';
import { gatherAtFirstMaxByTaps, maxPoolGradByTaps } from './pool_windows.js';

/**
 * tfjs kernels of the pooling ops. tfjs pools channels-last only, so channels-first inputs are
 * transposed around the call. Where a stock tfjs kernel disagrees with TF the result is
 * composed from kernels that agree:
 * - AvgPoolGrad / AvgPool3DGrad divide by the full window size; TF divides by the number of
 *   in-bounds cells (SAME padding), so `dy` is rescaled per window first;
 * - wasm's MaxPool3D, MaxPoolGrad and MaxPoolWithArgmax start their max at FLT_MIN, so windows
 *   of negative values come out ~1e-38 (and wasm's argmax breaks ties towards the last cell):
 *   there (and where a backend lacks them) 3-D max pooling is two 2-D pools and the 2-D
 *   gradients are read from strided slices (pool_windows.ts);
 * - tfjs' MaxPool3DGrad (cpu) flattens window positions with the height where the width
 *   belongs (wrong whenever kh != kw) and routes ties to the last maximum: 3-D max-pool
 *   gradients are always the two 2-D stages' gradients, first maximum as TF;
 * - tfjs has no MaxPoolGradGrad: `grad` is gathered at the argmax of each window.
 */

export interface PoolAttrs {
  readonly ksize: readonly number[];
  readonly strides: readonly number[];
  readonly padding: Padding;
  readonly data_format: string;
}

/** Stock kernels that give wrong values on a backend (checked against TF by test/ops/nn_pool). */
const BROKEN: Readonly<Record<string, readonly string[]>> = {
  wasm: ['MaxPool3D', 'MaxPoolGrad', 'MaxPoolWithArgmax'],
};

export function stockKernel(name: string, backend: string): boolean {
  return tfc.getKernel(name, backend) !== undefined && !(BROKEN[backend] ?? []).includes(name);
}

export function runKernel(
  name: string,
  inputs: tfc.NamedTensorMap,
  attrs: Record<string, unknown>,
): tfc.Tensor {
  return tfc.engine().runKernel<tfc.Tensor>(name, inputs, attrs as tfc.NamedAttrMap);
}

/** Channels-first -> channels-last (identity for channels-last formats). */
export function toChannelsLast(x: tfc.Tensor, df: string): tfc.Tensor {
  if (!isChannelsFirst(df)) return x;
  const r = x.rank;
  return tfc.transpose(x, [0, ...Array.from({ length: r - 2 }, (_, i) => i + 2), 1]);
}

export function fromChannelsLast(y: tfc.Tensor, df: string): tfc.Tensor {
  if (!isChannelsFirst(df)) return y;
  const r = y.rank;
  return tfc.transpose(y, [0, r - 1, ...Array.from({ length: r - 2 }, (_, i) => i + 1)]);
}

/** A shape given in data format `df`, as channels-last. */
export function shapeToChannelsLast(shape: readonly number[], df: string): number[] {
  if (!isChannelsFirst(df)) return [...shape];
  return [shape[0]!, ...shape.slice(2), shape[1]!];
}

/** tfjs' spelling of a padding. */
export const pad = (p: Padding): 'same' | 'valid' => (p === 'SAME' ? 'same' : 'valid');

/** The spatial window of `a`. */
export function win(a: PoolAttrs): { k: number[]; s: number[]; p: Padding } {
  return {
    k: spatialOf(a.ksize, a.data_format),
    s: spatialOf(a.strides, a.data_format),
    p: a.padding,
  };
}

const pair = (v: number[]): [number, number] => [v[0]!, v[1]!];
export const triple = (v: number[]): [number, number, number] => [v[0]!, v[1]!, v[2]!];

// ---- 2-D (channels-last) -------------------------------------------------------------

export function maxPool2d(x: tfc.Tensor, k: number[], s: number[], p: Padding): tfc.Tensor {
  return tfc.maxPool(x as tfc.Tensor4D, pair(k), pair(s), pad(p));
}

export function avgPool2d(x: tfc.Tensor, k: number[], s: number[], p: Padding): tfc.Tensor {
  return tfc.avgPool(x as tfc.Tensor4D, pair(k), pair(s), pad(p));
}

export function maxPoolGrad2d(
  x: tfc.Tensor,
  y: tfc.Tensor,
  dy: tfc.Tensor,
  k: number[],
  s: number[],
  p: Padding,
  backend: string,
): tfc.Tensor {
  if (!stockKernel('MaxPoolGrad', backend)) return maxPoolGradByTaps(x, y, dy, pair(k), pair(s), p);
  return runKernel(
    'MaxPoolGrad',
    { dy, input: x, output: y },
    { filterSize: k, strides: s, pad: pad(p) },
  );
}

/** AvgPoolGrad dividing by in-bounds cells: tfjs' kernel divides by the window size. */
export function avgPoolGrad2d(
  inShape: number[],
  dy: tfc.Tensor,
  k: number[],
  s: number[],
  p: Padding,
): tfc.Tensor {
  const scaled = rescaleForCounts(dy, inShape.slice(1, -1), k, s, p);
  // tfjs reads only the shape of `input`.
  return runKernel(
    'AvgPoolGrad',
    { dy: scaled, input: tfc.zeros(inShape) },
    { filterSize: k, strides: s, pad: pad(p) },
  );
}

/** `grad` (shaped like x) gathered at each window's argmax (the first maximum, as MaxPoolGrad routes). */
export function gatherAtArgmax2d(
  x: tfc.Tensor,
  grad: tfc.Tensor,
  k: number[],
  s: number[],
  p: Padding,
  backend: string,
): { pooled: tfc.Tensor; gathered: tfc.Tensor } {
  if (!stockKernel('MaxPoolWithArgmax', backend)) {
    const pooled = maxPool2d(x, k, s, p);
    return { pooled, gathered: gatherAtFirstMaxByTaps(x, pooled, grad, pair(k), pair(s), p) };
  }
  const { result, indexes } = tfc.maxPoolWithArgmax(
    x as tfc.Tensor4D,
    pair(k),
    pair(s),
    pad(p),
    false,
  );
  const n = x.shape[0]!;
  const flatGrad = tfc.reshape(grad, [n, -1]);
  const idx = tfc.reshape(indexes!, [n, -1]);
  return { pooled: result!, gathered: tfc.reshape(tfc.gather(flatGrad, idx, 1, 1), result!.shape) };
}

/** dy rescaled by (window size / in-bounds cells), so a kernel dividing by the window size divides by the count. */
export function rescaleForCounts(
  dy: tfc.Tensor,
  inSpatial: number[],
  k: number[],
  s: number[],
  padding: Padding,
): tfc.Tensor {
  if (padding === 'VALID') return dy;
  const { shape, data } = windowCounts(inSpatial, k, s, padding);
  const full = k.reduce((a, b) => a * b, 1);
  const scale = tfc.tensor(
    data.map((c) => full / c),
    [1, ...shape, 1],
    'float32',
  );
  return tfc.mul(dy, scale);
}

export function maxPoolKernel(x: tfc.Tensor, a: PoolAttrs): tfc.Tensor {
  const { k, s, p } = win(a);
  return fromChannelsLast(maxPool2d(toChannelsLast(x, a.data_format), k, s, p), a.data_format);
}

/** tfjs' AvgPool already averages over in-bounds cells only, as TF does. */
export function avgPoolKernel(x: tfc.Tensor, a: PoolAttrs): tfc.Tensor {
  const { k, s, p } = win(a);
  return fromChannelsLast(avgPool2d(toChannelsLast(x, a.data_format), k, s, p), a.data_format);
}

export function maxPoolGradKernel(
  x: tfc.Tensor,
  y: tfc.Tensor,
  dy: tfc.Tensor,
  a: PoolAttrs,
  backend: string,
): tfc.Tensor {
  const { k, s, p } = win(a);
  const df = a.data_format;
  return fromChannelsLast(
    maxPoolGrad2d(
      toChannelsLast(x, df),
      toChannelsLast(y, df),
      toChannelsLast(dy, df),
      k,
      s,
      p,
      backend,
    ),
    df,
  );
}

export function maxPoolGradGradKernel(
  x: tfc.Tensor,
  grad: tfc.Tensor,
  a: PoolAttrs,
  backend: string,
): tfc.Tensor {
  const { k, s, p } = win(a);
  const df = a.data_format;
  return fromChannelsLast(
    gatherAtArgmax2d(toChannelsLast(x, df), toChannelsLast(grad, df), k, s, p, backend).gathered,
    df,
  );
}

export function avgPoolGradKernel(
  inputShape: readonly number[],
  dy: tfc.Tensor,
  a: PoolAttrs,
): tfc.Tensor {
  const { k, s, p } = win(a);
  const df = a.data_format;
  return fromChannelsLast(
    avgPoolGrad2d(shapeToChannelsLast(inputShape, df), toChannelsLast(dy, df), k, s, p),
    df,
  );
}
