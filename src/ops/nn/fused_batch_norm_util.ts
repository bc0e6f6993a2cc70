import { ValueError } from '../../errors.js';
import type { Dim } from '../../graph/shape.js';
import type { InferInput } from '../core/define.js';

export const BN_FORMATS = ['NHWC', 'NCHW', 'NDHWC', 'NCDHW'] as const;
export type BnFormat = (typeof BN_FORMATS)[number];

/** The channel axis and the rank a data format implies. */
export function bnLayout(format: BnFormat): { rank: number; channel: number } {
  const rank = format.length;
  return { rank, channel: format.indexOf('C') };
}

/** Merges a per-channel input's static length into the channel dim, with TF's wording. */
export function mergeChannel(c: Dim, v: InferInput, what: string): Dim {
  const [n] = v.shape.withRankOrThrow(1, what);
  if (c !== null && n !== null && n !== undefined && c !== n) {
    throw new ValueError(`Dimensions must be equal, but are ${c} and ${n}`);
  }
  return c ?? n ?? null;
}

/** Reduction axes (all but the channel) and a broadcastable per-channel shape. */
export function bnAxes(
  format: BnFormat,
  channels: number,
): { axes: number[]; perChannel: number[] } {
  const { rank, channel } = bnLayout(format);
  const axes = Array.from({ length: rank }, (_, i) => i).filter((i) => i !== channel);
  const perChannel = Array.from({ length: rank }, (_, i) => (i === channel ? channels : 1));
  return { axes, perChannel };
}
