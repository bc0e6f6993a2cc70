import * as tfc from '@tensorflow/tfjs-core';
import type { Tensor } from '../../graph/tensor.js';
import { constant } from '../array/const.js';
import { applyOp } from '../core/apply.js';
import type { TensorLike } from '../core/tensor_like.js';
import { defineUnary } from './elementwise.js';
import { multiply } from './mul.js';

// TF's _SquareGrad: dy * (x * 2), built after dy (a control dependency, as TF does, so 2x is
// not computed before it is needed).
export const Square = defineUnary('Square', tfc.square, ({ op, inputs: [x] }, [dy]) => ({
  x: op.graph.controlDependencies([dy!], () =>
    multiply(dy!, multiply(x!, constant(2, { dtype: x!.dtype }))),
  ),
}));

/** x * x. @example tf.square(err) */
export function square(x: TensorLike, name?: string): Tensor {
  return applyOp(Square, [x], {}, { name })[0]!;
}
