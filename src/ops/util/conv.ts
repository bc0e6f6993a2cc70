import { ValueError } from '../../errors.js';
import type { Dim } from '../../graph/shape.js';

/** Convolution and pooling size math shared by ops and layers (TF's conv_utils / kernel_shape_util). */

export type Padding = 'SAME' | 'VALID';
export const DATA_FORMATS = ['NHWC', 'NCHW', 'NWC', 'NCW', 'NDHWC', 'NCDHW'] as const;
export type DataFormat = (typeof DATA_FORMATS)[number];

export function isChannelsFirst(df: string): boolean {
  return df[1] === 'C';
}

/** Index of the channel axis in a tensor of this data format. */
export function channelAxis(df: string): number {
  return isChannelsFirst(df) ? 1 : df.length - 1;
}

/** Indices of the spatial axes, in order. */
export function spatialAxes(df: string): number[] {
  const n = df.length - 2;
  const first = isChannelsFirst(df) ? 2 : 1;
  return Array.from({ length: n }, (_, i) => first + i);
}

export function checkPadding(p: string): Padding {
  const up = p.toUpperCase();
  if (up !== 'SAME' && up !== 'VALID')
    throw new ValueError(`padding must be 'SAME' or 'VALID', got '${p}'`);
  return up;
}

/**
 * TF accepts strides/dilations/ksize as a number, one value (for every spatial axis), one value
 * per spatial axis, or the full per-axis form (batch and channel entries 1). Returns the full
 * form for `df`.
 */
export function expandToFull(v: number | readonly number[], df: string, what: string): number[] {
  const rank = df.length;
  const n = rank - 2;
  let spatial: number[];
  if (typeof v === 'number') spatial = new Array<number>(n).fill(v);
  else if (v.length === 1) spatial = new Array<number>(n).fill(v[0]!);
  else if (v.length === n) spatial = [...v];
  else if (v.length === rank) {
    const c = channelAxis(df);
    if (v[0] !== 1 || v[c] !== 1) {
      throw new ValueError(
        `${what} in the batch and depth dimensions must be 1, got ${JSON.stringify(v)} for data_format ${df}`,
      );
    }
    spatial = spatialAxes(df).map((a) => v[a]!);
  } else {
    const lengths = n === 1 ? `1 or ${rank}` : `1, ${n} or ${rank}`;
    throw new ValueError(
      `${what} should be of length ${lengths}. Received: ${what}=${JSON.stringify(v).replace(/,/g, ', ')} of length ${v.length}`,
    );
  }
  if (spatial.some((s) => !Number.isInteger(s) || s < 1))
    throw new ValueError(`${what} must be positive integers, got ${JSON.stringify(v)}`);
  const full = new Array<number>(rank).fill(1);
  spatialAxes(df).forEach((a, i) => (full[a] = spatial[i]!));
  return full;
}

/** The spatial entries of a full-form list. */
export function spatialOf(full: readonly number[], df: string): number[] {
  return spatialAxes(df).map((a) => full[a]!);
}

export function effectiveKernel(k: number, dilation: number): number {
  return (k - 1) * dilation + 1;
}

/** TF's GetWindowedOutputSize: the output length of a window sliding over `input`. */
export function convOutputLength(
  input: Dim,
  k: number,
  stride: number,
  dilation: number,
  padding: Padding,
): Dim {
  if (input === null) return null;
  const ek = effectiveKernel(k, dilation);
  if (padding === 'SAME') return Math.ceil(input / stride);
  return Math.max(Math.ceil((input - ek + 1) / stride), 0);
}

/** TF's SAME padding: [before, after] for one spatial axis (extra padding goes after). */
export function samePadding(
  input: number,
  k: number,
  stride: number,
  dilation: number,
): [number, number] {
  const out = Math.ceil(input / stride);
  const total = Math.max((out - 1) * stride + effectiveKernel(k, dilation) - input, 0);
  const before = Math.floor(total / 2);
  return [before, total - before];
}

/**
 * Keras' deconv_output_length: the spatial size a transposed convolution produces, with
 * optional output padding (null: the default, as TF/keras compute it).
 */
export function deconvOutputLength(
  input: Dim,
  k: number,
  stride: number,
  padding: Padding,
  dilation = 1,
  outputPadding: number | null = null,
): Dim {
  if (input === null) return null;
  const ek = effectiveKernel(k, dilation);
  if (outputPadding === null) {
    return padding === 'VALID' ? input * stride + Math.max(ek - stride, 0) : input * stride;
  }
  const pad = padding === 'SAME' ? Math.floor(ek / 2) : 0;
  return (input - 1) * stride + ek - 2 * pad + outputPadding;
}

/**
 * TF's GetWindowedOutputSize for a known or unknown input length, with explicit padding for
 * 'EXPLICIT'; VALID (or EXPLICIT) windows larger than the padded input are TF's shape error.
 */
export function windowedOutputLength(
  input: Dim,
  k: Dim,
  stride: number,
  dilation: number,
  padding: Padding | 'EXPLICIT',
  pads: readonly [number, number] = [0, 0],
): Dim {
  if (input === null) return null;
  if (padding === 'SAME') return Math.ceil(input / stride);
  if (k === null) return null;
  const padded = padding === 'EXPLICIT' ? input + pads[0] + pads[1] : input;
  const ek = effectiveKernel(k, dilation);
  if (padded < ek)
    throw new ValueError(`Negative dimension size caused by subtracting ${ek} from ${padded}`);
  return Math.floor((padded - ek) / stride) + 1;
}

/** [before, after] padding of each spatial axis for SAME, VALID or explicit padding. */
export function resolvePadding(
  inputs: readonly number[],
  ks: readonly number[],
  strides: readonly number[],
  dilations: readonly number[],
  padding: Padding | 'EXPLICIT',
  explicit: readonly (readonly [number, number])[] = [],
): [number, number][] {
  return inputs.map((n, i) => {
    if (padding === 'SAME') return samePadding(n, ks[i]!, strides[i]!, dilations[i]!);
    if (padding === 'EXPLICIT') {
      const p = explicit[i] ?? [0, 0];
      return [p[0], p[1]];
    }
    return [0, 0];
  });
}

/** The op's padding string as TF's attr check words its error (no case folding, unlike layers). */
export function checkOpPadding(
  opType: string,
  p: string,
  allowExplicit: boolean,
): Padding | 'EXPLICIT' {
  if (p === 'SAME' || p === 'VALID' || (allowExplicit && p === 'EXPLICIT')) return p;
  const allowed = allowExplicit ? '"SAME", "VALID", "EXPLICIT"' : '"SAME", "VALID"';
  throw new ValueError(`Attr 'padding' of '${opType}' Op passed string '${p}' not in: ${allowed}.`);
}
