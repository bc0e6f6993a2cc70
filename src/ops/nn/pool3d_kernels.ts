import * as tfc from '@tensorflow/tfjs-core';
import type { Padding } from '../util/conv.js';
import {
  avgPool2d,
  avgPoolGrad2d,
  fromChannelsLast,
  gatherAtArgmax2d,
  maxPool2d,
  maxPoolGrad2d,
  pad,
  rescaleForCounts,
  runKernel,
  shapeToChannelsLast,
  stockKernel,
  toChannelsLast,
  triple,
  win,
  type PoolAttrs,
} from './pool_kernels.js';

/**
 * tfjs kernels of the 3-D pooling ops (channels-last inside). Where a stock kernel is missing
 * or wrong (see pool_kernels.ts) a 3-D window is computed as two 2-D ones.
 */

/**
 * A 3-D window as two 2-D ones: over (H, W) with depth folded into the batch, then over D
 * with (H, W) flattened. Max and the in-bounds-count average both factor this way, and the
 * first maximum in (d, h, w) order is found, as a 3-D scan finds it.
 */
interface Stages {
  readonly x2: tfc.Tensor; // [N*D, H, W, C]
  readonly k1: number[];
  readonly s1: number[];
  readonly k2: number[];
  readonly s2: number[];
  /** [N*D, OH, OW, C] -> [N, D, OH*OW, C] */
  toStage2(t: tfc.Tensor): tfc.Tensor;
}

function stages(x: tfc.Tensor, k: number[], s: number[]): Stages {
  const [n, d, h, w, c] = x.shape as [number, number, number, number, number];
  return {
    x2: tfc.reshape(x, [n * d, h, w, c]),
    k1: [k[1]!, k[2]!],
    s1: [s[1]!, s[2]!],
    k2: [k[0]!, 1],
    s2: [s[0]!, 1],
    toStage2: (t) => tfc.reshape(t, [n, d, t.shape[1]! * t.shape[2]!, c]),
  };
}

function composedPool3d(
  x: tfc.Tensor,
  k: number[],
  s: number[],
  p: Padding,
  pool: typeof maxPool2d,
): tfc.Tensor {
  const st = stages(x, k, s);
  const first = pool(st.x2, st.k1, st.s1, p);
  const second = pool(st.toStage2(first), st.k2, st.s2, p);
  return tfc.reshape(second, [
    x.shape[0]!,
    second.shape[1]!,
    first.shape[1]!,
    first.shape[2]!,
    x.shape[4]!,
  ]);
}

function maxPool3dGradComposed(
  x: tfc.Tensor,
  dy: tfc.Tensor,
  k: number[],
  s: number[],
  p: Padding,
  backend: string,
): tfc.Tensor {
  const st = stages(x, k, s);
  const first = maxPool2d(st.x2, st.k1, st.s1, p);
  const firstR = st.toStage2(first);
  const second = maxPool2d(firstR, st.k2, st.s2, p);
  const g2 = maxPoolGrad2d(firstR, second, tfc.reshape(dy, second.shape), st.k2, st.s2, p, backend);
  const g1 = maxPoolGrad2d(st.x2, first, tfc.reshape(g2, first.shape), st.k1, st.s1, p, backend);
  return tfc.reshape(g1, x.shape);
}

function gatherAtArgmax3d(
  x: tfc.Tensor,
  grad: tfc.Tensor,
  k: number[],
  s: number[],
  p: Padding,
  backend: string,
): tfc.Tensor {
  const st = stages(x, k, s);
  const one = gatherAtArgmax2d(st.x2, tfc.reshape(grad, st.x2.shape), st.k1, st.s1, p, backend);
  const two = gatherAtArgmax2d(
    st.toStage2(one.pooled),
    st.toStage2(one.gathered),
    st.k2,
    st.s2,
    p,
    backend,
  );
  return tfc.reshape(two.gathered, [
    x.shape[0]!,
    two.gathered.shape[1]!,
    one.pooled.shape[1]!,
    one.pooled.shape[2]!,
    x.shape[4]!,
  ]);
}

export function maxPool3dKernel(x: tfc.Tensor, a: PoolAttrs, backend: string): tfc.Tensor {
  const { k, s, p } = win(a);
  const xl = toChannelsLast(x, a.data_format);
  const y = stockKernel('MaxPool3D', backend)
    ? tfc.maxPool3d(xl as tfc.Tensor5D, triple(k), triple(s), pad(p))
    : composedPool3d(xl, k, s, p, maxPool2d);
  return fromChannelsLast(y, a.data_format);
}

export function avgPool3dKernel(x: tfc.Tensor, a: PoolAttrs, backend: string): tfc.Tensor {
  const { k, s, p } = win(a);
  const xl = toChannelsLast(x, a.data_format);
  const y = stockKernel('AvgPool3D', backend)
    ? tfc.avgPool3d(xl as tfc.Tensor5D, triple(k), triple(s), pad(p))
    : composedPool3d(xl, k, s, p, avgPool2d);
  return fromChannelsLast(y, a.data_format);
}

export function maxPool3dGradKernel(
  x: tfc.Tensor,
  dy: tfc.Tensor,
  a: PoolAttrs,
  backend: string,
): tfc.Tensor {
  const { k, s, p } = win(a);
  const df = a.data_format;
  return fromChannelsLast(
    maxPool3dGradComposed(toChannelsLast(x, df), toChannelsLast(dy, df), k, s, p, backend),
    df,
  );
}

export function maxPool3dGradGradKernel(
  x: tfc.Tensor,
  grad: tfc.Tensor,
  a: PoolAttrs,
  backend: string,
): tfc.Tensor {
  const { k, s, p } = win(a);
  const df = a.data_format;
  return fromChannelsLast(
    gatherAtArgmax3d(toChannelsLast(x, df), toChannelsLast(grad, df), k, s, p, backend),
    df,
  );
}

export function avgPool3dGradKernel(
  inputShape: readonly number[],
  dy: tfc.Tensor,
  a: PoolAttrs,
  backend: string,
): tfc.Tensor {
  const { k, s, p } = win(a);
  const df = a.data_format;
  const inLast = shapeToChannelsLast(inputShape, df);
  const dyl = toChannelsLast(dy, df);
  if (!stockKernel('AvgPool3DGrad', backend)) {
    // The gradient of the two-stage average is the two stage gradients in reverse.
    return fromChannelsLast(avgPool3dGradComposed(inLast, dyl, k, s, p), df);
  }
  const scaled = rescaleForCounts(dyl, inLast.slice(1, -1), k, s, p);
  const dx = runKernel(
    'AvgPool3DGrad',
    { dy: scaled, input: tfc.zeros(inLast) },
    { filterSize: k, strides: s, pad: pad(p) },
  );
  return fromChannelsLast(dx, df);
}

function avgPool3dGradComposed(
  inShape: number[],
  dy: tfc.Tensor,
  k: number[],
  s: number[],
  padding: Padding,
): tfc.Tensor {
  const [n, d, h, w, c] = inShape as [number, number, number, number, number];
  const [, od, oh, ow] = dy.shape as [number, number, number, number, number];
  // Stage two pooled [N, D, OH*OW, C] over D; stage one pooled [N*D, H, W, C] over (H, W).
  const g2 = avgPoolGrad2d(
    [n, d, oh * ow, c],
    tfc.reshape(dy, [n, od, oh * ow, c]),
    [k[0]!, 1],
    [s[0]!, 1],
    padding,
  );
  const g1 = avgPoolGrad2d(
    [n * d, h, w, c],
    tfc.reshape(g2, [n * d, oh, ow, c]),
    [k[1]!, k[2]!],
    [s[1]!, s[2]!],
    padding,
  );
  return tfc.reshape(g1, inShape);
}
