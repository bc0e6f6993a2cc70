import * as tfc from '@tensorflow/tfjs-core';
import { isInteger } from '../../graph/dtype.js';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import { attr } from '../core/attr.js';
import { symbolicOf, type TensorLike } from '../core/tensor_like.js';
import { cast } from '../math/cast.js';
import { defineActivation } from './activation_op.js';
import { leakyReluGrad } from './leaky_relu_grad.js';

/** TF's LeakyRelu: features where positive, alpha * features elsewhere. */
export const LeakyRelu = defineActivation({
  type: 'LeakyRelu',
  input: 'features',
  allowed: 'float',
  attrs: { alpha: attr.float(0.2) },
  kernel: (x, a) => tfc.where(tfc.greater(x, 0), x, tfc.mul(x, a.alpha)),
  // TF's _LeakyReluGrad: LeakyReluGrad of the input with the same alpha.
  grad: ({ inputs: [x], attrs }, [dy]) => ({ features: leakyReluGrad(dy!, x!, attrs.alpha) }),
});

export interface LeakyReluOptions {
  /** Slope for negative inputs (TF's default 0.2). */
  alpha?: number;
  name?: string;
}

/**
 * x where positive, alpha * x elsewhere (TF1's (features, alpha=0.2, name), or an options object); integer features are cast to float32 first, as TF1 does.
 * @example tf.nn.leakyRelu(x, 0.1)
 */
export function leakyRelu(
  features: TensorLike,
  alpha?: number | LeakyReluOptions,
  name?: string,
): Tensor {
  const o: LeakyReluOptions = typeof alpha === 'object' ? alpha : { alpha, name };
  const t = symbolicOf(features);
  const x = t && isInteger(t.dtype) ? cast(t, 'float32') : features;
  return applyOp(
    LeakyRelu,
    [x],
    { alpha: o.alpha ?? 0.2 },
    { name: o.name ?? name ?? 'LeakyRelu' },
  )[0]!;
}
