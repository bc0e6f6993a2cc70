import type { Tensor } from '../../graph/tensor.js';
import { shape as shapeOf } from '../array/shape.js';
import { applyOp } from '../core/apply.js';
import { defineOp, type GradResult } from '../core/define.js';
import type { TensorLike } from '../core/tensor_like.js';
import { Conv2D } from './conv2d.js';
import { Conv2DBackpropFilter } from './conv2d_backprop_filter.js';
import { convBackpropInputKernel } from './conv_backprop_kernels.js';
import { convOpAttrs, type ConvOptions, type PaddingArg } from './conv_builder.js';
import { CONV2D_ATTRS, convBackpropInputShape } from './conv_shape.js';
import { inputGradLowering } from './lowering.js';

/** The gradient of Conv2D with respect to its input; tf.nn.conv2dTranspose builds it. */
export const Conv2DBackpropInput = defineOp({
  type: 'Conv2DBackpropInput',
  inputs: ['input_sizes:int32', 'filter', 'out_backprop'],
  attrs: CONV2D_ATTRS,
  infer: ([sizes, w, dy], a) => [
    { dtype: a.T, shape: convBackpropInputShape('Conv2DBackpropInput', sizes!, w!, dy!, a, true) },
  ],
  kernel: ([sizes, w, dy], a, ctx) => [
    convBackpropInputKernel('Conv2DBackpropInput', sizes!, w!, dy!, a, ctx.backendName),
  ],
  lowering: (a, backendName) => inputGradLowering('Conv2DBackpropInput', backendName, a),
  // TF's _Conv2DBackpropInputGrad: the op is linear in filter and in out_backprop.
  grad: ({ inputs: [, w, dy], attrs }, [g]): GradResult => ({
    input_sizes: null,
    filter: applyOp(Conv2DBackpropFilter, [g!, shapeOf(w!), dy!], attrs)[0]!,
    out_backprop: applyOp(Conv2D, [g!, w!], attrs)[0]!,
  }),
});

/**
 * TF1's tf.nn.conv2d_backprop_input: the gradient of conv2d with respect to an input of shape
 * `inputSizes` (4 values, or the 2 spatial ones).
 * @example tf.nn.conv2dBackpropInput([8, 28, 28, 1], w, dy, 2, 'SAME')
 */
export function conv2dBackpropInput(
  inputSizes: TensorLike,
  filter: TensorLike,
  outBackprop: TensorLike,
  strides: number | readonly number[],
  padding: PaddingArg,
  options: ConvOptions = {},
): Tensor {
  const attrs = convOpAttrs(
    'Conv2DBackpropInput',
    2,
    strides,
    padding,
    options.dataFormat ?? 'NHWC',
    options.dilations ?? 1,
    true,
  );
  return applyOp(Conv2DBackpropInput, [inputSizes, filter, outBackprop], attrs, {
    name: options.name,
  })[0]!;
}
