import * as tfc from '@tensorflow/tfjs-core';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import type { TensorLike } from '../core/tensor_like.js';
import { defineUnary } from './elementwise.js';
import { exp } from './exp.js';
import { multiply } from './mul.js';

// TF's _Expm1Grad: dy * exp(x), built after dy (a control dependency, as TF).
export const Expm1 = defineUnary(
  'Expm1',
  tfc.expm1,
  ({ op, inputs: [x] }, [dy]) => ({
    x: op.graph.controlDependencies([dy!], () => multiply(dy!, exp(x!))),
  }),
  {
    allowed: 'float',
  },
);

/** e^x - 1, accurate for small x. @example tf.expm1(x) */
export function expm1(x: TensorLike, name?: string): Tensor {
  return applyOp(Expm1, [x], {}, { name })[0]!;
}
