import { ValueError } from '../../errors.js';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import type { TensorLike } from '../core/tensor_like.js';
import { Conv3DBackpropInputV2 } from './conv3d_backprop_input_v2.js';
import { checkTransposeArgs, convOpAttrs, type ConvOptions } from './conv_builder.js';

/**
 * TF1's tf.nn.conv3d_transpose: the transposed 3-D convolution of `value` with a [depth,
 * height, width, out, in] `filter` to a tensor of `outputShape` (a Conv3DBackpropInputV2 op
 * named 'conv3d_transpose').
 * @example tf.nn.conv3dTranspose(x, w, [2, 8, 8, 8, 3], 2, 'SAME')
 */
export function conv3dTranspose(
  value: TensorLike,
  filter: TensorLike,
  outputShape: TensorLike,
  strides: number | readonly number[],
  padding: string = 'SAME',
  options: ConvOptions = {},
): Tensor {
  const df = options.dataFormat ?? 'NDHWC';
  if (df !== 'NDHWC' && df !== 'NCDHW')
    throw new ValueError('data_format has to be either NCDHW or NDHWC.');
  checkTransposeArgs(value, filter, outputShape, padding, df);
  const attrs = convOpAttrs(
    'Conv3DBackpropInputV2',
    3,
    strides,
    padding,
    df,
    options.dilations ?? 1,
    false,
  );
  return applyOp(Conv3DBackpropInputV2, [outputShape, filter, value], attrs, {
    name: options.name ?? 'conv3d_transpose',
  })[0]!;
}
