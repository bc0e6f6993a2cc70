import { ValueError } from '../../errors.js';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import type { TensorLike } from '../core/tensor_like.js';
import { Conv2DBackpropInput } from './conv2d_backprop_input.js';
import { checkTransposeArgs, convOpAttrs, type ConvOptions } from './conv_builder.js';

/**
 * TF1's tf.nn.conv2d_transpose: the transposed convolution of `value` with a [height, width,
 * out, in] `filter` to a tensor of `outputShape` (a Conv2DBackpropInput op named
 * 'conv2d_transpose'). An `outputShape` the forward conv of it would not map back to `value`'s
 * size is a ValueError when both are known while building.
 * @example tf.nn.conv2dTranspose(x, w, [8, 14, 14, 3], 2, 'SAME')
 */
export function conv2dTranspose(
  value: TensorLike,
  filter: TensorLike,
  outputShape: TensorLike,
  strides: number | readonly number[],
  padding: string = 'SAME',
  options: ConvOptions = {},
): Tensor {
  const df = options.dataFormat ?? 'NHWC';
  if (df !== 'NHWC' && df !== 'NCHW')
    throw new ValueError('data_format has to be either NCHW or NHWC.');
  checkTransposeArgs(value, filter, outputShape, padding, df);
  const attrs = convOpAttrs(
    'Conv2DBackpropInput',
    2,
    strides,
    padding,
    df,
    options.dilations ?? 1,
    true,
  );
  return applyOp(Conv2DBackpropInput, [outputShape, filter, value], attrs, {
    name: options.name ?? 'conv2d_transpose',
  })[0]!;
}
