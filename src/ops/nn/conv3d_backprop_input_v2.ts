import type { Tensor } from '../../graph/tensor.js';
import { shape as shapeOf } from '../array/shape.js';
import { applyOp } from '../core/apply.js';
import { attr } from '../core/attr.js';
import { defineOp, type GradResult } from '../core/define.js';
import type { TensorLike } from '../core/tensor_like.js';
import { Conv3D } from './conv3d.js';
import { Conv3DBackpropFilterV2 } from './conv3d_backprop_filter_v2.js';
import { convBackpropInputKernel } from './conv_backprop_kernels.js';
import { convOpAttrs, type ConvOptions } from './conv_builder.js';
import { CONV3D_ATTRS, convBackpropInputShape } from './conv_shape.js';
import { inputGradLowering } from './lowering.js';

/** The gradient of Conv3D with respect to its input; tf.nn.conv3dTranspose builds it. */
export const Conv3DBackpropInputV2 = defineOp({
  type: 'Conv3DBackpropInputV2',
  inputs: ['input_sizes:Tshape', 'filter', 'out_backprop'],
  attrs: { ...CONV3D_ATTRS, Tshape: attr.type('int32') },
  infer: ([sizes, w, dy], a) => [
    {
      dtype: a.T,
      shape: convBackpropInputShape('Conv3DBackpropInputV2', sizes!, w!, dy!, a, false),
    },
  ],
  kernel: ([sizes, w, dy], a, ctx) => [
    convBackpropInputKernel('Conv3DBackpropInputV2', sizes!, w!, dy!, a, ctx.backendName),
  ],
  lowering: (a, backendName) => inputGradLowering('Conv3DBackpropInputV2', backendName, a),
  // TF's _Conv3DBackpropInputGrad.
  grad: ({ inputs: [, w, dy], attrs }, [g]): GradResult => {
    const { Tshape: _t, ...conv } = attrs;
    return {
      input_sizes: null,
      filter: applyOp(Conv3DBackpropFilterV2, [g!, shapeOf(w!), dy!], conv)[0]!,
      out_backprop: applyOp(Conv3D, [g!, w!], conv)[0]!,
    };
  },
});

/**
 * The gradient of conv3d with respect to an input of shape `inputSizes` (5 values).
 * @example conv3dBackpropInputV2([2, 8, 8, 8, 3], w, dy, 2, 'SAME')
 */
export function conv3dBackpropInputV2(
  inputSizes: TensorLike,
  filter: TensorLike,
  outBackprop: TensorLike,
  strides: number | readonly number[],
  padding: string,
  options: ConvOptions = {},
): Tensor {
  const attrs = convOpAttrs(
    'Conv3DBackpropInputV2',
    3,
    strides,
    padding,
    options.dataFormat ?? 'NDHWC',
    options.dilations ?? 1,
    false,
  );
  return applyOp(Conv3DBackpropInputV2, [inputSizes, filter, outBackprop], attrs, {
    name: options.name,
  })[0]!;
}
