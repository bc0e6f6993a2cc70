import { ValueError } from '../../errors.js';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import type { TensorLike } from '../core/tensor_like.js';
import { asTensor, inScope } from '../math/scope.js';
import { conv2d } from './conv2d.js';
import {
  DepthwiseConv2dNative,
  depthwiseAttrValues,
  type DepthwiseConv2dOptions,
} from './depthwise_conv2d_native.js';

/**
 * TF1's tf.nn.separable_conv2d: a depthwise convolution ('<scope>/depthwise', filter
 * [KH, KW, C, M]) followed by a 1x1 Conv2D named as the scope ('separable_conv2d', filter
 * [1, 1, C * M, out]). `rate` dilates the depthwise step; strides apply to it too.
 * // TF1: with a rate > 1, TF wraps the depthwise op in SpaceToBatchND/BatchToSpaceND; the
 * // op's own dilations attr gives the same values in one op.
 * @example tf.nn.separableConv2d(x, dw, pw, [1, 1, 1, 1], 'SAME', {rate: 2})
 */
export function separableConv2d(
  input: TensorLike,
  depthwiseFilter: TensorLike,
  pointwiseFilter: TensorLike,
  strides: number | readonly number[],
  padding: string,
  options: DepthwiseConv2dOptions = {},
): Tensor {
  const attrs = depthwiseAttrValues(strides, padding, options, 'DepthwiseConv2dNative');
  return inScope(
    [input, depthwiseFilter, pointwiseFilter],
    options.name ?? 'separable_conv2d',
    (scope) => {
      const x = asTensor(input, undefined, 'tensor_in');
      const dw = asTensor(depthwiseFilter, x.dtype, 'depthwise_filter');
      const pw = asTensor(pointwiseFilter, x.dtype, 'pointwise_filter');
      const [h, w] = pw.shape.withRankOrThrow(4, 'pointwise_filter');
      for (const d of [h, w])
        if (d !== null && d !== undefined && d !== 1)
          throw new ValueError(`Dimensions ${d} and 1 are not compatible`);
      const depthwise = applyOp(DepthwiseConv2dNative, [x, dw], attrs, { name: 'depthwise' })[0]!;
      return conv2d(depthwise, pw, [1, 1, 1, 1], 'VALID', {
        dataFormat: attrs.data_format,
        name: scope,
      });
    },
  );
}
