import { ValueError } from '../../errors.js';
import { TensorShape, type Dim } from '../../graph/shape.js';
import {
  channelAxis,
  checkOpPadding,
  convOutputLength,
  expandToFull,
  resolvePadding,
  spatialAxes,
  windowedOutputLength,
  type Padding,
} from './conv.js';

/**
 * Window (pooling / depthwise) size math on top of conv.ts: attribute checks, the static
 * windowed shape, the in-bounds cell counts TF's average pooling divides by, and builder
 * canonicalisation.
 */

/**
 * How many in-bounds cells each pooling window covers, over all spatial axes, row-major over
 * the output positions: TF's AvgPool divides by this (padding cells do not count).
 */
export function windowCounts(
  inSpatial: readonly number[],
  ksize: readonly number[],
  strides: readonly number[],
  padding: Padding,
): { shape: number[]; data: Float32Array } {
  const perAxis = inSpatial.map((n, i) => {
    const k = ksize[i]!;
    const s = strides[i]!;
    const out = convOutputLength(n, k, s, 1, padding)!;
    const [[before]] = resolvePadding([n], [k], [s], [1], padding) as [[number, number]];
    return Array.from(
      { length: out },
      (_, o) => Math.min(o * s - before + k, n) - Math.max(o * s - before, 0),
    );
  });
  const shape = perAxis.map((a) => a.length);
  const size = shape.reduce((a, b) => a * b, 1);
  const data = new Float32Array(size);
  for (let flat = 0; flat < size; flat++) {
    let rest = flat;
    let count = 1;
    for (let ax = perAxis.length - 1; ax >= 0; ax--) {
      const len = shape[ax]!;
      count *= perAxis[ax]![rest % len]!;
      rest = Math.floor(rest / len);
    }
    data[flat] = count;
  }
  return { shape, data };
}

/** Checks a full-form window list (ksize/strides/dilations) attr against the input's data format. */
export function checkWindowAttr(
  v: readonly number[],
  df: string,
  what: string,
  opName: string,
): void {
  if (v.length !== df.length) {
    throw new ValueError(
      `${opName} requires the ${what} attribute to contain ${df.length} values, but got: ${v.length}`,
    );
  }
  if (v.some((x) => x <= 0))
    throw new ValueError(`${opName}: ${what} must be > 0, but got ${JSON.stringify(v)}`);
  if (v[0] !== 1 || v[channelAxis(df)] !== 1) {
    throw new ValueError(
      `${opName} is not yet supported on the batch or depth dimensions: ${what} = ${JSON.stringify(v)} for data_format ${df}`,
    );
  }
}

/**
 * Static output shape of a windowed op over `input` (pooling, depthwise): spatial sizes from
 * the window, channels from `channels` (the input's when omitted). Unknown rank gives the
 * right rank with unknown dims.
 */
export function windowedShape(
  input: TensorShape,
  df: string,
  ksize: readonly number[],
  strides: readonly number[],
  dilations: readonly number[],
  padding: Padding,
  channels?: Dim,
): TensorShape {
  const dims = input.withRankOrThrow(df.length);
  const out = [...dims];
  for (const ax of spatialAxes(df))
    out[ax] = windowedOutputLength(dims[ax]!, ksize[ax]!, strides[ax]!, dilations[ax]!, padding);
  if (channels !== undefined) out[channelAxis(df)] = channels;
  return new TensorShape(out);
}

/** The window attrs of a pooling op as TF's builders canonicalise them (full form, upper-case padding). */
export function poolAttrs(
  opType: string,
  ksize: number | readonly number[],
  strides: number | readonly number[],
  padding: string,
  df: string,
): { ksize: number[]; strides: number[]; padding: Padding; data_format: string } {
  const p = checkOpPadding(opType, padding, false) as Padding;
  return {
    ksize: expandToFull(ksize, df, 'ksize'),
    strides: expandToFull(strides, df, 'strides'),
    padding: p,
    data_format: df,
  };
}
