import * as tfc from '@tensorflow/tfjs-core';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import type { TensorLike } from '../core/tensor_like.js';
import { defineUnary } from './elementwise.js';
import { sqrtGrad } from './sqrt_grad.js';

// TF's _SqrtGrad: SqrtGrad(y, dy) = dy * 0.5 / y, from the output y.
export const Sqrt = defineUnary(
  'Sqrt',
  tfc.sqrt,
  ({ outputs: [y] }, [dy]) => ({ x: sqrtGrad(y!, dy!) }),
  { allowed: 'float' },
);

/** Square root. @example tf.sqrt(variance) */
export function sqrt(x: TensorLike, name?: string): Tensor {
  return applyOp(Sqrt, [x], {}, { name })[0]!;
}
