import * as tfc from '@tensorflow/tfjs-core';
import { TensorShape } from '../../graph/shape.js';
import type { Tensor } from '../../graph/tensor.js';
import { zerosLike } from '../array/zeros_like.js';
import { applyOp } from '../core/apply.js';
import { attr } from '../core/attr.js';
import { defineOp } from '../core/define.js';
import type { TensorLike } from '../core/tensor_like.js';
import { checkDType } from '../math/elementwise.js';
import { biasAdd } from './bias_add.js';
import { BIAS_FORMATS, biasChannelAxis, biasFormat, checkBiasRank } from './bias_add_format.js';

/** Sums `x` over every axis but `axis`: a matmul with ones, which tfjs runs without transposing. */
function sumAllBut(x: tfc.Tensor, axis: number): tfc.Tensor {
  const c = x.shape[axis]!;
  if (x.dtype !== 'float32')
    return tfc.sum(
      x,
      x.shape.map((_, i) => i).filter((i) => i !== axis),
    );
  const outer = x.shape.slice(0, axis).reduce((a, b) => a * b, 1);
  const inner = x.shape.slice(axis + 1).reduce((a, b) => a * b, 1);
  // [outer, C, inner] -> [outer, C] (innermost reduction) -> [C] (ones-vector product).
  const perOuter =
    inner === 1 ? tfc.reshape(x, [outer, c]) : tfc.sum(tfc.reshape(x, [outer, c, inner]), 2);
  return tfc.reshape(tfc.matMul(tfc.ones([1, outer]), perOuter), [c]);
}

/** TF's BiasAddGrad: the bias gradient, `out_backprop` summed over all but the channel axis. */
export const BiasAddGrad = defineOp({
  type: 'BiasAddGrad',
  inputs: ['out_backprop'],
  attrs: { T: attr.type(), data_format: attr.oneOf(BIAS_FORMATS, 'NHWC') },
  infer: ([g], a) => {
    checkDType('out_backprop', a.T, 'number');
    checkBiasRank(g!.shape, a.data_format, 'out_backprop');
    const dims = g!.shape.dims;
    return [
      {
        dtype: a.T,
        shape: new TensorShape([
          dims === null ? null : (dims[biasChannelAxis(dims.length, a.data_format)] ?? null),
        ]),
      },
    ];
  },
  kernel: ([g], a) => [sumAllBut(g!, biasChannelAxis(g!.rank, a.data_format))],
  // TF's _BiasAddGradGrad tiles the bias-shaped gradient over out_backprop's shape; adding it
  // as a bias to zeros is the same broadcast for every rank and format.
  grad: ({ inputs: [g], attrs }, [dy]) => ({
    out_backprop: biasAdd(zerosLike(g!), dy!, { dataFormat: attrs.data_format }),
  }),
});

/** @example biasAddGrad(dy, {dataFormat: 'NCHW'}) */
export function biasAddGrad(
  outBackprop: TensorLike,
  options: { dataFormat?: string; name?: string } = {},
): Tensor {
  return applyOp(
    BiasAddGrad,
    [outBackprop],
    { data_format: biasFormat(options.dataFormat) },
    { name: options.name ?? 'BiasAddGrad' },
  )[0]!;
}
