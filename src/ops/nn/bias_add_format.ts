import { ValueError } from '../../errors.js';
import type { TensorShape } from '../../graph/shape.js';

/** BiasAdd's data formats: channels last ('NHWC', any rank) or channels at axis 1 ('NCHW'). */
export const BIAS_FORMATS = ['NHWC', 'NCHW'] as const;
export type BiasFormat = (typeof BIAS_FORMATS)[number];

/** The channel axis of a rank-`rank` tensor for BiasAdd's data_format. */
export function biasChannelAxis(rank: number, df: BiasFormat): number {
  return df === 'NCHW' ? 1 : rank - 1;
}

/** TF's rank requirement for BiasAdd/BiasAddGrad inputs: at least 2 channels-last, 3 channels-first. */
export function checkBiasRank(s: TensorShape, df: BiasFormat, what: string): void {
  s.withRankAtLeast(df === 'NCHW' ? 3 : 2, what);
}

/** TF1's bias_add reading of data_format: 'NC...' is NCHW, 'N...C' is NHWC. */
export function biasFormat(df: string | undefined): BiasFormat {
  if (df === undefined) return 'NHWC';
  if (df.startsWith('NC')) return 'NCHW';
  if (df.startsWith('N') && df.endsWith('C')) return 'NHWC';
  throw new ValueError(`data_format must be of the form \`N...C\` or \`NC...\`, got '${df}'`);
}
