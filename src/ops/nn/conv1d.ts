import { ValueError } from '../../errors.js';
import type { Tensor } from '../../graph/tensor.js';
import { expandDims } from '../array/expand_dims.js';
import { squeeze } from '../array/squeeze.js';
import { applyOp } from '../core/apply.js';
import { graphOf, type TensorLike } from '../core/tensor_like.js';
import { expandToFull, spatialOf } from '../util/conv.js';
import { Conv2D } from './conv2d.js';
import { convOpAttrs, type ConvOptions } from './conv_builder.js';

/** TF1's conv1d data formats: 'NWC' / 'NCW', and the deprecated 'NHWC' / 'NCHW' spellings. */
function channelsLastOf(df: string): boolean {
  if (df === 'NWC' || df === 'NHWC') return true;
  if (df === 'NCW' || df === 'NCHW') return false;
  throw new ValueError('data_format must be "NWC" or "NCW".');
}

/**
 * TF1's tf.nn.conv1d: `value` [batch, width, in] (NWC) or [batch, in, width] (NCW) with a
 * [width, in, out] filter, built as TF1 builds it: ExpandDims of both, a Conv2D over a height
 * of 1 (the op is named after the scope, 'conv1d'), and a Squeeze of that height.
 * @example tf.nn.conv1d(x, w, 2, 'SAME')
 */
export function conv1d(
  value: TensorLike,
  filters: TensorLike,
  stride: number | readonly number[],
  padding: string,
  options: ConvOptions = {},
): Tensor {
  const channelsLast = channelsLastOf(options.dataFormat ?? 'NWC');
  const df1 = channelsLast ? 'NWC' : 'NCW';
  const s = spatialOf(expandToFull(stride, df1, 'stride'), df1)[0]!;
  const d = spatialOf(expandToFull(options.dilations ?? 1, df1, 'dilations'), df1)[0]!;
  const df2 = channelsLast ? 'NHWC' : 'NCHW';
  const attrs = convOpAttrs('Conv2D', 2, [1, s], padding, df2, [1, d], true);
  const spatialStart = channelsLast ? 1 : 2;
  return graphOf([value, filters]).nameScope(options.name ?? 'conv1d', (scope) => {
    const x4 = expandDims(value, spatialStart);
    const w4 = expandDims(filters, 0);
    const y = applyOp(Conv2D, [x4, w4], attrs, { name: scope })[0]!;
    return squeeze(y, [spatialStart]);
  });
}
