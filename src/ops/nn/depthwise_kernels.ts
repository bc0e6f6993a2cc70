import * as tfc from '@tensorflow/tfjs-core';
import { effectiveKernel, resolvePadding, spatialOf, type Padding } from '../util/conv.js';
import { fromChannelsLast, shapeToChannelsLast, toChannelsLast } from './pool_kernels.js';
import { padOrCrop, spread } from './pool_windows.js';

/**
 * tfjs kernels of the depthwise convolution ops (channels-last inside; channels-first inputs
 * are transposed around).
 *
 * The filter gradient is itself one depthwise convolution: with the batch folded into the
 * channels, the padded input [1, H, W, N*C] convolved with the output gradient as a filter
 * [OH, OW, N*C, M] (dilated by the forward stride, strided by the forward dilation) gives
 * [1, KH, KW, N*C*M], summed over N. tfjs' stock DepthwiseConv2dNativeBackpropFilter is a
 * scalar loop: for batch 32, 28x28x32, 3x3 on the cpu backend (measured by hand) it took
 * 1.1-5.6 s against 0.18-0.71 s for this form (6-8x; 17x with multiplier 2), the forward
 * convolution 40-140 ms on the same (shared, noisy) machine.
 *
 * The input gradient is the stock kernel where the backend has it and the dilation is 1
 * (tfjs' kernel ignores dilations); otherwise a depthwise convolution of the stride-dilated,
 * padded output gradient with the spatially flipped filter.
 */

export interface DepthwiseAttrs {
  readonly strides: readonly number[];
  readonly dilations: readonly number[];
  readonly padding: Padding;
  readonly data_format: string;
}

type Pair = [number, number];

function pair(full: readonly number[], df: string): Pair {
  const [a, b] = spatialOf(full, df);
  return [a!, b!];
}

export function depthwiseKernel(x: tfc.Tensor, filter: tfc.Tensor, a: DepthwiseAttrs): tfc.Tensor {
  const df = a.data_format;
  const y = tfc.depthwiseConv2d(
    toChannelsLast(x, df) as tfc.Tensor4D,
    filter as tfc.Tensor4D,
    pair(a.strides, df),
    a.padding === 'SAME' ? 'same' : 'valid',
    'NHWC',
    pair(a.dilations, df),
  );
  return fromChannelsLast(y, df);
}

export function depthwiseBackpropInputKernel(
  inputShape: readonly number[],
  filter: tfc.Tensor,
  dy: tfc.Tensor,
  a: DepthwiseAttrs,
  backend: string,
): tfc.Tensor {
  const df = a.data_format;
  const inLast = shapeToChannelsLast(inputShape, df) as [number, number, number, number];
  const dyl = toChannelsLast(dy, df);
  const s = pair(a.strides, df);
  const d = pair(a.dilations, df);
  if (
    d[0] === 1 &&
    d[1] === 1 &&
    tfc.getKernel('DepthwiseConv2dNativeBackpropInput', backend) !== undefined
  ) {
    const dx = tfc
      .engine()
      .runKernel<tfc.Tensor>(
        'DepthwiseConv2dNativeBackpropInput',
        { dy: dyl, filter },
        {
          strides: s,
          dilations: d,
          pad: a.padding === 'SAME' ? 'same' : 'valid',
          inputShape: inLast,
        },
      );
    return fromChannelsLast(dx, df);
  }
  return fromChannelsLast(backpropInputComposed(inLast, filter, dyl, s, d, a.padding), df);
}

function backpropInputComposed(
  inShape: [number, number, number, number],
  filter: tfc.Tensor,
  dy: tfc.Tensor,
  s: Pair,
  d: Pair,
  padding: Padding,
): tfc.Tensor {
  const [n, h, w, c] = inShape;
  const [kh, kw, , m] = filter.shape as [number, number, number, number];
  const [, oh, ow] = dy.shape as [number, number, number, number];
  // Zeros between the output gradient's cells undo the stride: [N, OH*sh, OW*sw, C*M].
  const dilated = spread(dy, s);
  const along = (len: number, k: number, stride: number, dil: number, outLen: number): Pair => {
    const [[before]] = resolvePadding([len], [k], [stride], [dil], padding) as [[number, number]];
    return [effectiveKernel(k, dil) - 1 - before, len + before - outLen * stride];
  };
  const padded = padOrCrop(dilated, [along(h, kh, s[0], d[0], oh), along(w, kw, s[1], d[1], ow)]);
  const flipped = tfc.reshape(tfc.reverse(filter, [0, 1]), [kh, kw, c * m, 1]);
  const dx = tfc.depthwiseConv2d(
    padded as tfc.Tensor4D,
    flipped as tfc.Tensor4D,
    1,
    'valid',
    'NHWC',
    d,
  );
  return m === 1 ? dx : tfc.sum(tfc.reshape(dx, [n, h, w, c, m]), -1);
}

export function depthwiseBackpropFilterKernel(
  x: tfc.Tensor,
  filterShape: readonly number[],
  dy: tfc.Tensor,
  a: DepthwiseAttrs,
): tfc.Tensor {
  const df = a.data_format;
  const xl = toChannelsLast(x, df);
  const dyl = toChannelsLast(dy, df);
  const [n, h, w, c] = xl.shape as [number, number, number, number];
  const [kh, kw, , m] = filterShape as [number, number, number, number];
  const [, oh, ow] = dyl.shape as [number, number, number, number];
  const s = pair(a.strides, df);
  const d = pair(a.dilations, df);
  // Pad (or crop) x to exactly the extent the output's windows read: (O - 1) * s + ek.
  const along = (len: number, k: number, stride: number, dil: number, outLen: number): Pair => {
    const [[before]] = resolvePadding([len], [k], [stride], [dil], a.padding) as [[number, number]];
    return [before, (outLen - 1) * stride + effectiveKernel(k, dil) - len - before];
  };
  const xp = padOrCrop(xl, [along(h, kh, s[0], d[0], oh), along(w, kw, s[1], d[1], ow)]);
  const input = tfc.reshape(tfc.transpose(xp, [1, 2, 0, 3]), [
    1,
    xp.shape[1]!,
    xp.shape[2]!,
    n * c,
  ]);
  const kernel = tfc.reshape(tfc.transpose(dyl, [1, 2, 0, 3]), [oh, ow, n * c, m]);
  // Forward strides become dilations and forward dilations strides (never both > 1).
  const out = tfc.depthwiseConv2d(
    input as tfc.Tensor4D,
    kernel as tfc.Tensor4D,
    d,
    'valid',
    'NHWC',
    s,
  );
  return tfc.reshape(tfc.sum(tfc.reshape(out, [kh * kw, n, c * m]), 1), [kh, kw, c, m]);
}
