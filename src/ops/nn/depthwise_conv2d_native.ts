import type { Tensor } from '../../graph/tensor.js';
import { shape } from '../array/shape.js';
import { applyOp } from '../core/apply.js';
import { defineOp } from '../core/define.js';
import type { TensorLike } from '../core/tensor_like.js';
import { checkDType } from '../math/elementwise.js';
import { asTensor, inScope } from '../math/scope.js';
import { checkOpPadding, expandToFull, type Padding } from '../util/conv.js';
import { checkDataFormat } from './conv_builder.js';
import { depthwiseConv2dNativeBackpropFilter } from './depthwise_conv2d_native_backprop_filter.js';
import { depthwiseConv2dNativeBackpropInput } from './depthwise_conv2d_native_backprop_input.js';
import { depthwiseKernel } from './depthwise_kernels.js';
import { checkDepthwiseAttrs, depthwiseAttrs, depthwiseShape } from './depthwise_shape.js';

/**
 * TF's DepthwiseConv2dNative: each input channel convolved with its own M filters
 * (filter [KH, KW, C, M], output channels C * M, channel c's outputs at c * M + m).
 */
export const DepthwiseConv2dNative = defineOp({
  type: 'DepthwiseConv2dNative',
  inputs: ['input', 'filter'],
  attrs: depthwiseAttrs(),
  infer: ([x, f], a) => {
    checkDType('input', a.T, 'float');
    checkDepthwiseAttrs(a, 'DepthwiseConv2dNative');
    return [{ dtype: a.T, shape: depthwiseShape(x!.shape, f!.shape, a) }];
  },
  kernel: ([x, f], a) => [depthwiseKernel(x!, f!, a)],
  // TF's _DepthwiseConv2dNativeGrad.
  grad: ({ inputs: [x, f], attrs }, [dy]) => ({
    input: depthwiseConv2dNativeBackpropInput(shape(x!), f!, dy!, attrs),
    filter: depthwiseConv2dNativeBackpropFilter(x!, shape(f!), dy!, attrs),
  }),
});

export interface DepthwiseConv2dOptions {
  /** The dilation rate: a number or one per spatial axis (TF1's `rate`). */
  rate?: number | readonly number[];
  /** Same as `rate` (TF2's name); a number, a pair or the 4-element form. */
  dilations?: number | readonly number[];
  /** 'NHWC' (default) or 'NCHW'. */
  dataFormat?: string;
  name?: string;
}

/** Canonical attrs of a depthwise convolution from a builder's arguments. */
export function depthwiseAttrValues(
  strides: number | readonly number[],
  padding: string,
  options: DepthwiseConv2dOptions,
  opType: string,
): { strides: number[]; padding: Padding; data_format: string; dilations: number[] } {
  const df = checkDataFormat(opType, options.dataFormat ?? 'NHWC', 2);
  const rate = options.dilations ?? options.rate ?? 1;
  const p = checkOpPadding(opType, padding, false) as Padding;
  return {
    strides: expandToFull(strides, df, 'strides'),
    padding: p,
    data_format: df,
    dilations: expandToFull(rate, df, 'dilations'),
  };
}

/**
 * TF's depthwise_conv2d_native: the raw op, named 'DepthwiseConv2dNative'.
 * @example tf.nn.depthwiseConv2dNative(x, w, [1, 1, 1, 1], 'SAME')
 */
export function depthwiseConv2dNative(
  input: TensorLike,
  filter: TensorLike,
  strides: number | readonly number[],
  padding: string,
  options: DepthwiseConv2dOptions = {},
): Tensor {
  const attrs = depthwiseAttrValues(strides, padding, options, 'DepthwiseConv2dNative');
  return applyOp(DepthwiseConv2dNative, [input, filter], attrs, {
    name: options.name ?? 'DepthwiseConv2dNative',
  })[0]!;
}

/**
 * TF1's tf.nn.depthwise_conv2d: a depthwise convolution named 'depthwise'. The filter is
 * [KH, KW, C, M]; the output has C * M channels.
 * // TF1: with a rate > 1, TF wraps a VALID/SAME op in SpaceToBatchND/BatchToSpaceND; the op's
 * // own dilations attr gives the same values in one op.
 * @example tf.nn.depthwiseConv2d(x, w, [1, 1, 1, 1], 'SAME', {rate: 2})
 */
export function depthwiseConv2d(
  input: TensorLike,
  filter: TensorLike,
  strides: number | readonly number[],
  padding: string,
  options: DepthwiseConv2dOptions = {},
): Tensor {
  const attrs = depthwiseAttrValues(strides, padding, options, 'DepthwiseConv2dNative');
  return inScope([input, filter], options.name ?? 'depthwise', (scope) => {
    const x = asTensor(input, undefined, 'tensor_in');
    const f = asTensor(filter, x.dtype, 'filter_in');
    return applyOp(DepthwiseConv2dNative, [x, f], attrs, { name: scope })[0]!;
  });
}
