import { ValueError } from '../../errors.js';
import type { Dim } from '../../graph/shape.js';
import { symbolicOf, type TensorLike } from '../core/tensor_like.js';
import { channelAxis, checkOpPadding, expandToFull } from '../util/conv.js';

/** 'SAME', 'VALID', or TF2's explicit form: one [before, after] pair per dimension of the input. */
export type PaddingArg = string | readonly (readonly number[])[];

export interface ConvOptions {
  dataFormat?: string;
  dilations?: number | readonly number[];
  name?: string;
}

const FORMATS: Record<number, readonly string[]> = {
  1: ['NWC', 'NCW'],
  2: ['NHWC', 'NCHW'],
  3: ['NDHWC', 'NCDHW'],
};

/** TF's attr check of data_format, worded as TF words it. */
export function checkDataFormat(opType: string, df: string, nd: number): string {
  const ok = FORMATS[nd] ?? [];
  if (!ok.includes(df))
    throw new ValueError(
      `Attr 'data_format' of '${opType}' Op passed string '${df}' not in: ${ok.map((f) => `"${f}"`).join(', ')}.`,
    );
  return df;
}

/** TF's _convert_padding: a list of pairs becomes padding 'EXPLICIT' with flat explicit_paddings. */
function convertPadding(
  opType: string,
  padding: PaddingArg,
  rank: number,
  allowExplicit: boolean,
): { padding: string; explicit: number[] | undefined } {
  if (typeof padding === 'string') {
    if (padding === 'EXPLICIT' && allowExplicit) {
      throw new ValueError(
        '"EXPLICIT" is not a valid value for `padding`. To use explicit padding, `padding` must be a list.',
      );
    }
    return {
      padding: checkOpPadding(opType, padding, allowExplicit),
      explicit: allowExplicit ? [] : undefined,
    };
  }
  if (!allowExplicit)
    throw new ValueError(
      `${opType} takes padding 'SAME' or 'VALID', got ${JSON.stringify(padding)}`,
    );
  const flat: number[] = [];
  padding.forEach((pair, i) => {
    if (!Array.isArray(pair) || pair.length !== 2) {
      throw new ValueError(
        `When \`padding\` is a list, each element of \`padding\` must be a list/tuple of size 2. Received: padding=${JSON.stringify(padding)} with element at index ${i} of size ${Array.isArray(pair) ? pair.length : 'none'}`,
      );
    }
    flat.push(...pair);
  });
  if (padding.length !== rank) {
    throw new ValueError(
      `When padding is a list, it must be of size ${rank}. Received: padding=${JSON.stringify(padding)} of size ${padding.length}`,
    );
  }
  return { padding: 'EXPLICIT', explicit: flat };
}

/**
 * A conv builder's canonical attrs: strides and dilations in TF's full form for the data
 * format, padding checked (explicit pairs flattened), data format checked.
 */
export function convOpAttrs(
  opType: string,
  nd: number,
  strides: number | readonly number[],
  padding: PaddingArg,
  dataFormat: string,
  dilations: number | readonly number[],
  allowExplicit: boolean,
): Record<string, unknown> {
  const df = checkDataFormat(opType, dataFormat, nd);
  const p = convertPadding(opType, padding, df.length, allowExplicit);
  return {
    strides: expandToFull(strides, df, 'strides'),
    padding: p.padding,
    explicit_paddings: p.explicit,
    data_format: df,
    dilations: expandToFull(dilations, df, 'dilations'),
  };
}

/** Static shape of a builder argument when it is symbolic (host values are checked by the op). */
function staticDims(x: TensorLike): readonly Dim[] | null {
  return symbolicOf(x)?.shape.dims ?? null;
}

const dimStr = (d: Dim | undefined): string => (d === null || d === undefined ? '?' : String(d));

/**
 * TF1's argument checks of conv2d_transpose / conv3d_transpose, with its wording: value depth
 * against the filter's in-depth (the filter's last axis), output_shape's length and its depth
 * against the filter's out-depth, padding SAME or VALID.
 */
export function checkTransposeArgs(
  value: TensorLike,
  filter: TensorLike,
  outputShape: TensorLike,
  padding: PaddingArg,
  df: string,
): void {
  const rank = df.length;
  const axis = channelAxis(df);
  const vs = staticDims(value);
  const fs = staticDims(filter);
  const vC = vs && vs.length === rank ? vs[axis] : null;
  const fIn = fs && fs.length === rank ? fs[rank - 1] : null;
  const fOut = fs && fs.length === rank ? fs[rank - 2] : null;
  if (vC !== null && vC !== undefined && fIn !== null && fIn !== undefined && vC !== fIn) {
    throw new ValueError(`input channels does not match filter's input channels, ${vC} != ${fIn}`);
  }
  const sym = symbolicOf(outputShape);
  if (sym) {
    if (!sym.shape.isCompatibleWith([rank]))
      throw new ValueError(`output_shape must have shape (${rank},), got ${sym.shape.toString()}`);
  } else if (Array.isArray(outputShape) || ArrayBuffer.isView(outputShape)) {
    const list = Array.from(outputShape as ArrayLike<number>);
    if (list.length !== rank)
      throw new ValueError(`output_shape must have shape (${rank},), got (${list.length},)`);
    const outC = list[axis];
    if (fOut !== null && fOut !== undefined && outC !== fOut) {
      throw new ValueError(
        `output_shape does not match filter's output channels, ${dimStr(outC)} != ${dimStr(fOut)}`,
      );
    }
  }
  if (padding !== 'VALID' && padding !== 'SAME')
    throw new ValueError(`padding must be either VALID or SAME: ${String(padding)}`);
}
