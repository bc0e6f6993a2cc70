import type { Tensor } from '../../graph/tensor.js';
import { shape } from '../array/shape.js';
import { applyOp } from '../core/apply.js';
import { defineOp } from '../core/define.js';
import type { TensorLike } from '../core/tensor_like.js';
import { checkDType } from '../math/elementwise.js';
import { DepthwiseConv2dNative } from './depthwise_conv2d_native.js';
import { depthwiseConv2dNativeBackpropInput } from './depthwise_conv2d_native_backprop_input.js';
import { depthwiseBackpropFilterKernel, type DepthwiseAttrs } from './depthwise_kernels.js';
import { checkDepthwiseAttrs, depthwiseAttrs, sameConvAttrs } from './depthwise_shape.js';
import { shapeFromInput } from './pool_shape.js';

/**
 * TF's DepthwiseConv2dNativeBackpropFilter: the gradient of a depthwise convolution w.r.t.
 * its filter, computed as one depthwise convolution (see depthwise_kernels.ts).
 */
export const DepthwiseConv2dNativeBackpropFilter = defineOp({
  type: 'DepthwiseConv2dNativeBackpropFilter',
  inputs: ['input', 'filter_sizes:int32', 'out_backprop'],
  attrs: depthwiseAttrs(),
  infer: ([x, sizes, dy], a) => {
    checkDType('input', a.T, 'float');
    checkDepthwiseAttrs(a, 'DepthwiseConv2dNativeBackpropFilter');
    x!.shape.withRankOrThrow(4, 'input');
    dy!.shape.withRankOrThrow(4, 'out_backprop');
    return [{ dtype: a.T, shape: shapeFromInput(sizes!, 4, 'filter_sizes') }];
  },
  kernel: ([x, sizes, dy], a) => [
    depthwiseBackpropFilterKernel(x!, Array.from(sizes!.dataSync()), dy!, a),
  ],
  // TF's _DepthwiseConv2dNativeBackpropFilterGrad.
  grad: ({ inputs: [x, , g], attrs }, [dy]) => ({
    input: depthwiseConv2dNativeBackpropInput(shape(x!), dy!, g!, attrs),
    filter_sizes: null,
    out_backprop: applyOp(DepthwiseConv2dNative, [x!, dy!], sameConvAttrs(attrs))[0]!,
  }),
});

/** @example depthwiseConv2dNativeBackpropFilter(x, tf.shape(w), dy, attrs) */
export function depthwiseConv2dNativeBackpropFilter(
  input: TensorLike,
  filterSizes: TensorLike,
  outBackprop: TensorLike,
  attrs: DepthwiseAttrs,
  name?: string,
): Tensor {
  return applyOp(
    DepthwiseConv2dNativeBackpropFilter,
    [input, filterSizes, outBackprop],
    sameConvAttrs(attrs),
    { name: name ?? 'DepthwiseConv2dNativeBackpropFilter' },
  )[0]!;
}
