import { ValueError } from '../../errors.js';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import { graphOf, symbolicOf, type TensorLike } from '../core/tensor_like.js';
import { Conv2D } from './conv2d.js';
import { Conv3D } from './conv3d.js';
import { conv1d } from './conv1d.js';
import { convOpAttrs } from './conv_builder.js';

export interface ConvolutionOptions {
  strides?: number | readonly number[];
  dilationRate?: number | readonly number[];
  /** Channels first when it starts with 'NC' (TF1's rule); channels last otherwise. */
  dataFormat?: string;
  name?: string;
}

const FORMATS: Record<number, [string, string]> = {
  1: ['NWC', 'NCW'],
  2: ['NHWC', 'NCHW'],
  3: ['NDHWC', 'NCDHW'],
};

/** TF1's _get_strides_and_dilation_rate: a number or one value per spatial axis, positive. */
function perAxis(v: number | readonly number[] | undefined, n: number, what: string): number[] {
  if (v === undefined) return new Array<number>(n).fill(1);
  const list = typeof v === 'number' ? new Array<number>(n).fill(v) : [...v];
  if (list.length !== n) throw new ValueError(`len(${what})=${list.length} but should be ${n}`);
  if (list.some((x) => !(x >= 1))) throw new ValueError(`all values of ${what} must be positive`);
  return list;
}

/**
 * TF1's tf.nn.convolution: an N-D convolution (N = 1, 2, 3 from the filter's rank, else the
 * input's) with strides or a dilation rate. // TF1: a dilation rate becomes the conv op's
 * `dilations` attr rather than TF1's SpaceToBatchND / BatchToSpaceND pair (same values).
 * @example tf.nn.convolution(x, w, 'SAME', {dilationRate: [2, 2]})
 */
export function convolution(
  input: TensorLike,
  filter: TensorLike,
  padding: string,
  options: ConvolutionOptions = {},
): Tensor {
  const inRank = symbolicOf(input)?.shape.rank ?? null;
  const fRank = symbolicOf(filter)?.shape.rank ?? null;
  const rank = fRank ?? inRank;
  if (rank === null) throw new ValueError('rank of input or filter must be known');
  const n = rank - 2;
  if (n < 1 || n > 3)
    throw new ValueError(`Input tensor must be of rank 3, 4 or 5 but was ${rank}.`);
  if (inRank !== null && inRank !== rank) {
    throw new ValueError(`Shape ${symbolicOf(input)!.shape.toString()} must have rank ${rank}`);
  }
  const channelsFirst = (options.dataFormat ?? '').startsWith('NC');
  const df = FORMATS[n]![channelsFirst ? 1 : 0];
  const inC = symbolicOf(input)?.shape.dim(channelsFirst ? 1 : -1) ?? null;
  const fIn = symbolicOf(filter)?.shape.dim(n) ?? null;
  if (inC !== null && fIn !== null && inC !== fIn) {
    throw new ValueError(
      `number of input channels does not match corresponding dimension of filter, ${inC} != ${fIn}`,
    );
  }
  const dilation = perAxis(options.dilationRate, n, 'dilation_rate');
  const strides = perAxis(options.strides, n, 'strides');
  if (strides.some((s) => s > 1) && dilation.some((d) => d > 1)) {
    throw new ValueError('strides > 1 not supported in conjunction with dilation_rate > 1');
  }
  return graphOf([input, filter]).nameScope(options.name ?? 'convolution', (scope) => {
    if (n === 1)
      return conv1d(input, filter, strides, padding, {
        dataFormat: df,
        dilations: dilation,
        name: scope,
      });
    if (n === 2)
      return applyOp(
        Conv2D,
        [input, filter],
        convOpAttrs('Conv2D', 2, strides, padding, df, dilation, true),
        { name: scope },
      )[0]!;
    return applyOp(
      Conv3D,
      [input, filter],
      convOpAttrs('Conv3D', 3, strides, padding, df, dilation, false),
      { name: scope },
    )[0]!;
  });
}
