import * as tfc from '@tensorflow/tfjs-core';
import type { Tensor } from '../../graph/tensor.js';
import { constant } from '../array/const.js';
import { shape } from '../array/shape.js';
import type { TensorLike } from '../core/tensor_like.js';
import { cast } from './cast.js';
import { floordiv } from './floor_div.js';
import { maximum } from './maximum.js';
import { reduceProd } from './prod.js';
import { realdiv } from './real_div.js';
import { defineReduction, reduce, type ReduceOptions } from './reduction.js';
import { sumGradient } from './sum.js';

// tfjs' mean of an int tensor is float; TF keeps the dtype, truncating as C division does
// (tfjs' cast to int32 truncates toward zero too).
function meanKernel(x: tfc.Tensor, axes: number[], keep: boolean): tfc.Tensor {
  const m = tfc.mean(x, axes, keep);
  return x.dtype === 'int32' ? tfc.cast(m, 'int32') : m;
}

/**
 * TF's _MeanGrad: Sum's gradient divided by the number of elements each output averages,
 * size(x) / max(size(y), 1): a constant when both shapes are known, else (TF1's form)
 * prod(shape(x)) // max(prod(shape(y)), 1) cast to the gradient's dtype.
 */
export const Mean = defineReduction('Mean', meanKernel, (ctx, [dy]) => {
  const sumGrad = sumGradient(ctx, dy!);
  const x = ctx.inputs[0]!;
  const y = ctx.outputs[0]!;
  let factor: Tensor;
  if (x.shape.isFullyDefined() && y.shape.isFullyDefined()) {
    factor = constant(Math.floor(x.shape.size! / Math.max(y.shape.size!, 1)), {
      dtype: sumGrad.dtype,
    });
  } else {
    const count = floordiv(reduceProd(shape(x)), maximum(reduceProd(shape(y)), 1));
    factor = cast(count, sumGrad.dtype);
  }
  return { input: realdiv(sumGrad, factor), reduction_indices: null };
});

/** Mean over `axis` (all axes when omitted). @example tf.reduceMean(tf.square(err)) */
export function reduceMean(
  x: TensorLike,
  axis?: TensorLike | null,
  options: ReduceOptions = {},
): Tensor {
  return reduce(Mean, x, axis, options, 'Mean');
}
