import * as tfc from '@tensorflow/tfjs-core';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import type { TensorLike } from '../core/tensor_like.js';
import { defineUnary } from './elementwise.js';
import { reciprocalGrad } from './reciprocal_grad.js';

/** 1 / x; on integers C's division (truncation toward zero), as TF's int kernel. */
function reciprocalKernel(x: tfc.Tensor): tfc.Tensor {
  if (x.dtype !== 'int32') return tfc.reciprocal(x);
  return tfc.cast(tfc.reciprocal(tfc.cast(x, 'float32')), 'int32');
}

// TF's _ReciprocalGrad: ReciprocalGrad(y, dy) = -dy * y^2, from the output y.
export const Reciprocal = defineUnary('Reciprocal', reciprocalKernel, ({ outputs: [y] }, [dy]) => ({
  x: reciprocalGrad(y!, dy!),
}));

/** 1 / x. @example tf.reciprocal(x) */
export function reciprocal(x: TensorLike, name?: string): Tensor {
  return applyOp(Reciprocal, [x], {}, { name })[0]!;
}
