import type { Tensor } from '../../graph/tensor.js';
import { shape as shapeOf } from '../array/shape.js';
import { applyOp } from '../core/apply.js';
import { defineOp, type GradResult } from '../core/define.js';
import type { TensorLike } from '../core/tensor_like.js';
import { Conv2DBackpropFilter } from './conv2d_backprop_filter.js';
import { Conv2DBackpropInput } from './conv2d_backprop_input.js';
import { convForwardKernel } from './conv_kernels.js';
import { convOpAttrs, type ConvOptions, type PaddingArg } from './conv_builder.js';
import { CONV2D_ATTRS, convForwardShape } from './conv_shape.js';

export const Conv2D = defineOp({
  type: 'Conv2D',
  inputs: ['input', 'filter'],
  attrs: CONV2D_ATTRS,
  infer: ([x, w], a) => [{ dtype: a.T, shape: convForwardShape('Conv2D', x!, w!, a) }],
  kernel: ([x, w], a) => [convForwardKernel('Conv2D', x!, w!, a)],
  // TF's _Conv2DGrad: both gradients are the backprop ops with the same attributes.
  grad: ({ inputs: [x, w], attrs }, [dy]): GradResult => ({
    input: applyOp(Conv2DBackpropInput, [shapeOf(x!), w!, dy!], attrs)[0]!,
    filter: applyOp(Conv2DBackpropFilter, [x!, shapeOf(w!), dy!], attrs)[0]!,
  }),
});

/**
 * 2-D convolution of a 4-D `input` with a [height, width, in, out] `filter`. Strides and
 * dilations are a number, a pair or TF's 4-element form; padding 'SAME', 'VALID' or explicit
 * [[0, 0], [top, bottom], [left, right], [0, 0]] pairs.
 * @example tf.nn.conv2d(x, w, 2, 'SAME', {dataFormat: 'NHWC'})
 */
export function conv2d(
  input: TensorLike,
  filter: TensorLike,
  strides: number | readonly number[],
  padding: PaddingArg,
  options: ConvOptions = {},
): Tensor {
  const attrs = convOpAttrs(
    'Conv2D',
    2,
    strides,
    padding,
    options.dataFormat ?? 'NHWC',
    options.dilations ?? 1,
    true,
  );
  return applyOp(Conv2D, [input, filter], attrs, { name: options.name })[0]!;
}
