import type { Tensor } from '../../graph/tensor.js';
import { shape } from '../array/shape.js';
import { applyOp } from '../core/apply.js';
import { defineOp } from '../core/define.js';
import type { TensorLike } from '../core/tensor_like.js';
import { checkDType } from '../math/elementwise.js';
import { depthwiseConv2dNativeBackpropFilter } from './depthwise_conv2d_native_backprop_filter.js';
import { DepthwiseConv2dNative } from './depthwise_conv2d_native.js';
import { depthwiseBackpropInputKernel, type DepthwiseAttrs } from './depthwise_kernels.js';
import { checkDepthwiseAttrs, depthwiseAttrs, sameConvAttrs } from './depthwise_shape.js';
import { shapeFromInput } from './pool_shape.js';

/** TF's DepthwiseConv2dNativeBackpropInput: the gradient of a depthwise convolution w.r.t. its input. */
export const DepthwiseConv2dNativeBackpropInput = defineOp({
  type: 'DepthwiseConv2dNativeBackpropInput',
  inputs: ['input_sizes:int32', 'filter', 'out_backprop'],
  attrs: depthwiseAttrs(),
  infer: ([sizes, f, dy], a) => {
    checkDType('filter', a.T, 'float');
    checkDepthwiseAttrs(a, 'DepthwiseConv2dNativeBackpropInput');
    f!.shape.withRankOrThrow(4, 'filter');
    dy!.shape.withRankOrThrow(4, 'out_backprop');
    return [{ dtype: a.T, shape: shapeFromInput(sizes!, 4, 'input_sizes') }];
  },
  kernel: ([sizes, f, dy], a, ctx) => [
    depthwiseBackpropInputKernel(Array.from(sizes!.dataSync()), f!, dy!, a, ctx.backendName),
  ],
  // TF's _DepthwiseConv2dNativeBackpropInputGrad.
  grad: ({ inputs: [, f, g], attrs }, [dy]) => ({
    input_sizes: null,
    filter: depthwiseConv2dNativeBackpropFilter(dy!, shape(f!), g!, attrs),
    out_backprop: applyOp(DepthwiseConv2dNative, [dy!, f!], sameConvAttrs(attrs))[0]!,
  }),
});

/** @example depthwiseConv2dNativeBackpropInput(tf.shape(x), w, dy, attrs) */
export function depthwiseConv2dNativeBackpropInput(
  inputSizes: TensorLike,
  filter: TensorLike,
  outBackprop: TensorLike,
  attrs: DepthwiseAttrs,
  name?: string,
): Tensor {
  return applyOp(
    DepthwiseConv2dNativeBackpropInput,
    [inputSizes, filter, outBackprop],
    sameConvAttrs(attrs),
    { name: name ?? 'DepthwiseConv2dNativeBackpropInput' },
  )[0]!;
}
