import * as tfc from '@tensorflow/tfjs-core';
import type { Tensor } from '../../graph/tensor.js';
import { isInteger } from '../../graph/dtype.js';
import { applyOp } from '../core/apply.js';
import { symbolicOf, type TensorLike } from '../core/tensor_like.js';
import { defineUnary } from './elementwise.js';

// Half to even (banker's rounding), as TF's Round and tfjs' round both do. TF's _RoundGrad
// returns None.
export const Round = defineUnary(
  'Round',
  (x) => (x.dtype === 'int32' ? tfc.clone(x) : tfc.round(x)),
  'none',
);

/** Rounds half to even; TF1's tf.round returns an integer tensor itself. @example tf.round(x) */
export function round(x: TensorLike, name?: string): Tensor {
  const t = symbolicOf(x);
  if (t && isInteger(t.dtype)) return t;
  return applyOp(Round, [x], {}, { name })[0]!;
}
