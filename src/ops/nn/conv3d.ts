import type { Tensor } from '../../graph/tensor.js';
import { shape as shapeOf } from '../array/shape.js';
import { applyOp } from '../core/apply.js';
import { defineOp, type GradResult } from '../core/define.js';
import type { TensorLike } from '../core/tensor_like.js';
import { Conv3DBackpropFilterV2 } from './conv3d_backprop_filter_v2.js';
import { Conv3DBackpropInputV2 } from './conv3d_backprop_input_v2.js';
import { convOpAttrs, type ConvOptions } from './conv_builder.js';
import { convForwardKernel } from './conv_kernels.js';
import { CONV3D_ATTRS, convForwardShape } from './conv_shape.js';

export const Conv3D = defineOp({
  type: 'Conv3D',
  inputs: ['input', 'filter'],
  attrs: CONV3D_ATTRS,
  infer: ([x, w], a) => [{ dtype: a.T, shape: convForwardShape('Conv3D', x!, w!, a) }],
  kernel: ([x, w], a) => [convForwardKernel('Conv3D', x!, w!, a)],
  // TF's _Conv3DGrad.
  grad: ({ inputs: [x, w], attrs }, [dy]): GradResult => ({
    input: applyOp(Conv3DBackpropInputV2, [shapeOf(x!), w!, dy!], attrs)[0]!,
    filter: applyOp(Conv3DBackpropFilterV2, [x!, shapeOf(w!), dy!], attrs)[0]!,
  }),
});

/**
 * 3-D convolution of a 5-D `input` with a [depth, height, width, in, out] `filter`; strides
 * and dilations a number, a triple or TF's 5-element form.
 * @example tf.nn.conv3d(x, w, [1, 2, 2, 2, 1], 'SAME')
 */
export function conv3d(
  input: TensorLike,
  filter: TensorLike,
  strides: number | readonly number[],
  padding: string,
  options: ConvOptions = {},
): Tensor {
  const attrs = convOpAttrs(
    'Conv3D',
    3,
    strides,
    padding,
    options.dataFormat ?? 'NDHWC',
    options.dilations ?? 1,
    false,
  );
  return applyOp(Conv3D, [input, filter], attrs, { name: options.name })[0]!;
}
