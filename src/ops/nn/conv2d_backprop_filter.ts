import type { Tensor } from '../../graph/tensor.js';
import { shape as shapeOf } from '../array/shape.js';
import { applyOp } from '../core/apply.js';
import { defineOp, type GradResult } from '../core/define.js';
import type { TensorLike } from '../core/tensor_like.js';
import { Conv2D } from './conv2d.js';
import { Conv2DBackpropInput } from './conv2d_backprop_input.js';
import { convBackpropFilterKernel } from './conv_backprop_kernels.js';
import { convOpAttrs, type ConvOptions, type PaddingArg } from './conv_builder.js';
import { CONV2D_ATTRS, convBackpropFilterShape } from './conv_shape.js';
import { filterGradLowering } from './lowering.js';

/**
 * The gradient of Conv2D with respect to its filter. The kernel is the form lowering.ts picks
 * per backend (one forward convolution of the input with dy everywhere: tfjs' cpu kernel is
 * ~10x slower than that conv and wasm has none).
 */
export const Conv2DBackpropFilter = defineOp({
  type: 'Conv2DBackpropFilter',
  inputs: ['input', 'filter_sizes:int32', 'out_backprop'],
  attrs: CONV2D_ATTRS,
  infer: ([x, sizes, dy], a) => [
    { dtype: a.T, shape: convBackpropFilterShape('Conv2DBackpropFilter', x!, sizes!, dy!, a) },
  ],
  kernel: ([x, sizes, dy], a, ctx) => [
    convBackpropFilterKernel('Conv2DBackpropFilter', x!, sizes!, dy!, a, ctx.backendName),
  ],
  lowering: (a, backendName) => filterGradLowering('Conv2DBackpropFilter', backendName, a),
  // TF's _Conv2DBackpropFilterGrad: linear in input and in out_backprop.
  grad: ({ inputs: [x, , dy], attrs }, [g]): GradResult => ({
    input: applyOp(Conv2DBackpropInput, [shapeOf(x!), g!, dy!], attrs)[0]!,
    filter_sizes: null,
    out_backprop: applyOp(Conv2D, [x!, g!], attrs)[0]!,
  }),
});

/**
 * TF1's tf.nn.conv2d_backprop_filter: the gradient of conv2d with respect to a filter of shape
 * `filterSizes`.
 * @example tf.nn.conv2dBackpropFilter(x, [5, 5, 1, 32], dy, 1, 'SAME')
 */
export function conv2dBackpropFilter(
  input: TensorLike,
  filterSizes: TensorLike,
  outBackprop: TensorLike,
  strides: number | readonly number[],
  padding: PaddingArg,
  options: ConvOptions = {},
): Tensor {
  const attrs = convOpAttrs(
    'Conv2DBackpropFilter',
    2,
    strides,
    padding,
    options.dataFormat ?? 'NHWC',
    options.dilations ?? 1,
    true,
  );
  return applyOp(Conv2DBackpropFilter, [input, filterSizes, outBackprop], attrs, {
    name: options.name,
  })[0]!;
}
