import * as tfc from '@tensorflow/tfjs-core';
import { applyOp } from '../core/apply.js';
import { attr } from '../core/attr.js';
import { defineOp } from '../core/define.js';
import type { Tensor } from '../../graph/tensor.js';
import type { TensorLike } from '../core/tensor_like.js';

/** TF's ReluGrad: gradients where features > 0, else 0. */
export const ReluGrad = defineOp({
  type: 'ReluGrad',
  inputs: ['gradients', 'features'],
  attrs: { T: attr.type() },
  infer: ([g], a) => [{ dtype: a.T, shape: g!.shape }],
  kernel: ([g, f]) => [tfc.mul(g!, tfc.cast(tfc.greater(f!, 0), g!.dtype))],
  // Second order, as TF: the gradient w.r.t. `gradients` is ReluGrad again; none for features.
  grad: ({ inputs: [, f] }, [dy]) => ({ gradients: reluGrad(dy!, f!), features: null }),
});

/** @example reluGrad(dy, features) */
export function reluGrad(gradients: TensorLike, features: TensorLike, name?: string): Tensor {
  return applyOp(ReluGrad, [gradients, features], {}, { name })[0]!;
}
