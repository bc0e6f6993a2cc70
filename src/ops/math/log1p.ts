import * as tfc from '@tensorflow/tfjs-core';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import type { TensorLike } from '../core/tensor_like.js';
import { add } from './add.js';
import { defineUnary } from './elementwise.js';
import { multiply } from './mul.js';
import { reciprocal } from './reciprocal.js';

// TF's _Log1pGrad: dy * reciprocal(1 + x), built after dy (a control dependency, as TF).
export const Log1p = defineUnary(
  'Log1p',
  tfc.log1p,
  ({ op, inputs: [x] }, [dy]) => ({
    x: op.graph.controlDependencies([dy!], () => multiply(dy!, reciprocal(add(1, x!)))),
  }),
  { allowed: 'float' },
);

/** log(1 + x), accurate for small x. @example tf.log1p(tf.exp(-tf.abs(x))) */
export function log1p(x: TensorLike, name?: string): Tensor {
  return applyOp(Log1p, [x], {}, { name })[0]!;
}
