import type { Tensor } from '../../graph/tensor.js';
import { shape as shapeOf } from '../array/shape.js';
import { applyOp } from '../core/apply.js';
import { defineOp, type GradResult } from '../core/define.js';
import type { TensorLike } from '../core/tensor_like.js';
import { Conv3D } from './conv3d.js';
import { Conv3DBackpropInputV2 } from './conv3d_backprop_input_v2.js';
import { convBackpropFilterKernel } from './conv_backprop_kernels.js';
import { convOpAttrs, type ConvOptions } from './conv_builder.js';
import { CONV3D_ATTRS, convBackpropFilterShape } from './conv_shape.js';
import { filterGradLowering } from './lowering.js';

/** The gradient of Conv3D with respect to its filter, in the form lowering.ts picks per backend. */
export const Conv3DBackpropFilterV2 = defineOp({
  type: 'Conv3DBackpropFilterV2',
  inputs: ['input', 'filter_sizes:int32', 'out_backprop'],
  attrs: CONV3D_ATTRS,
  infer: ([x, sizes, dy], a) => [
    { dtype: a.T, shape: convBackpropFilterShape('Conv3DBackpropFilterV2', x!, sizes!, dy!, a) },
  ],
  kernel: ([x, sizes, dy], a, ctx) => [
    convBackpropFilterKernel('Conv3DBackpropFilterV2', x!, sizes!, dy!, a, ctx.backendName),
  ],
  lowering: (a, backendName) => filterGradLowering('Conv3DBackpropFilterV2', backendName, a),
  // TF's _Conv3DBackpropFilterGrad.
  grad: ({ inputs: [x, , dy], attrs }, [g]): GradResult => ({
    input: applyOp(Conv3DBackpropInputV2, [shapeOf(x!), g!, dy!], attrs)[0]!,
    filter_sizes: null,
    out_backprop: applyOp(Conv3D, [x!, g!], attrs)[0]!,
  }),
});

/**
 * TF1's tf.nn.conv3d_backprop_filter_v2: the gradient of conv3d with respect to a filter of
 * shape `filterSizes`.
 * @example tf.nn.conv3dBackpropFilterV2(x, [3, 3, 3, 1, 8], dy, 1, 'SAME')
 */
export function conv3dBackpropFilterV2(
  input: TensorLike,
  filterSizes: TensorLike,
  outBackprop: TensorLike,
  strides: number | readonly number[],
  padding: string,
  options: ConvOptions = {},
): Tensor {
  const attrs = convOpAttrs(
    'Conv3DBackpropFilterV2',
    3,
    strides,
    padding,
    options.dataFormat ?? 'NDHWC',
    options.dilations ?? 1,
    false,
  );
  return applyOp(Conv3DBackpropFilterV2, [input, filterSizes, outBackprop], attrs, {
    name: options.name,
  })[0]!;
}
