import type { Tensor } from '../../graph/tensor.js';
import type { TensorLike } from '../core/tensor_like.js';
import { convolution } from './convolution.js';

/**
 * TF1's tf.nn.atrous_conv2d: a 2-D NHWC convolution with the filter dilated by `rate` on both
 * spatial axes, built as TF1 builds it (tf.nn.convolution with dilation_rate [rate, rate]).
 * @example tf.nn.atrousConv2d(x, w, 2, 'SAME')
 */
export function atrousConv2d(
  value: TensorLike,
  filters: TensorLike,
  rate: number,
  padding: string,
  name?: string,
): Tensor {
  return convolution(value, filters, padding, {
    dilationRate: [rate, rate],
    ...(name === undefined ? {} : { name }),
  });
}
