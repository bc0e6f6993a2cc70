import * as tfc from '@tensorflow/tfjs-core';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import type { TensorLike } from '../core/tensor_like.js';
import { defineUnary } from './elementwise.js';
import { multiply } from './mul.js';
import { reciprocal } from './reciprocal.js';

// TF's _LogGrad: dy * reciprocal(x), built after dy (a control dependency, as TF).
export const Log = defineUnary(
  'Log',
  tfc.log,
  ({ op, inputs: [x] }, [dy]) => ({
    x: op.graph.controlDependencies([dy!], () => multiply(dy!, reciprocal(x!))),
  }),
  {
    allowed: 'float',
  },
);

/** Natural logarithm. @example tf.log(probs) */
export function log(x: TensorLike, name?: string): Tensor {
  return applyOp(Log, [x], {}, { name })[0]!;
}
