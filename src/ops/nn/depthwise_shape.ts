import { ValueError } from '../../errors.js';
import { TensorShape, type Dim } from '../../graph/shape.js';
import { attr } from '../core/attr.js';
import {
  channelAxis,
  spatialAxes,
  spatialOf,
  windowedOutputLength,
  type Padding,
} from '../util/conv.js';
import { checkWindowAttr } from '../util/pool.js';
import { PADDINGS, POOL2D_FORMATS } from './pool_shape.js';

/** Attribute specs and shape checks shared by DepthwiseConv2dNative and its two gradients. */
export const depthwiseAttrs = () => ({
  T: attr.type(),
  strides: attr.ints(),
  padding: attr.oneOf(PADDINGS),
  explicit_paddings: attr.ints([]),
  data_format: attr.oneOf(POOL2D_FORMATS, 'NHWC'),
  dilations: attr.ints([1, 1, 1, 1]),
});

interface ConvAttrs {
  readonly strides: readonly number[];
  readonly dilations: readonly number[];
  readonly padding: Padding;
  readonly data_format: string;
}

/** TF's attribute checks, plus tfjs' (and TF1's with_space_to_batch's) strides-or-dilations rule. */
export function checkDepthwiseAttrs(a: ConvAttrs, opType: string): void {
  checkWindowAttr(a.strides, a.data_format, 'strides', opType);
  checkWindowAttr(a.dilations, a.data_format, 'dilations', opType);
  const s = spatialOf(a.strides, a.data_format);
  const d = spatialOf(a.dilations, a.data_format);
  if (s.some((v) => v > 1) && d.some((v) => v > 1)) {
    throw new ValueError(
      `strides > 1 not supported in conjunction with dilation_rate > 1 (strides ${JSON.stringify(a.strides)}, dilations ${JSON.stringify(a.dilations)})`,
    );
  }
}

/** The static output shape of DepthwiseConv2dNative(input, filter). */
export function depthwiseShape(input: TensorShape, filter: TensorShape, a: ConvAttrs): TensorShape {
  const df = a.data_format;
  const x = input.withRankOrThrow(4, 'input');
  const [kh, kw, fc, m] = filter.withRankOrThrow(4, 'filter');
  const ca = channelAxis(df);
  const c = x[ca]!;
  if (c !== null && fc !== null && fc !== undefined && c !== fc)
    throw new ValueError(`Dimensions must be equal, but are ${c} and ${fc}`);
  const channels = c ?? fc ?? null;
  const out: Dim[] = [...x];
  const k = [kh ?? null, kw ?? null];
  spatialAxes(df).forEach(
    (ax, i) =>
      (out[ax] = windowedOutputLength(x[ax]!, k[i]!, a.strides[ax]!, a.dilations[ax]!, a.padding)),
  );
  out[ca] = channels === null || m === null || m === undefined ? null : channels * m;
  return new TensorShape(out);
}

/** The attrs a depthwise gradient op passes on to the ops of its own gradient. */
export function sameConvAttrs(a: ConvAttrs): Record<string, unknown> {
  return {
    strides: a.strides,
    padding: a.padding,
    data_format: a.data_format,
    dilations: a.dilations,
  };
}
