import * as tfc from '@tensorflow/tfjs-core';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import type { TensorLike } from '../core/tensor_like.js';
import { defineUnary } from './elementwise.js';
import { multiply } from './mul.js';

// TF's _ExpGrad: dy * y, from the output, built after dy (a control dependency, as TF).
export const Exp = defineUnary(
  'Exp',
  tfc.exp,
  ({ op, outputs: [y] }, [dy]) => ({
    x: op.graph.controlDependencies([dy!], () => multiply(dy!, y!)),
  }),
  {
    allowed: 'float',
  },
);

/** e^x. @example tf.exp(logits) */
export function exp(x: TensorLike, name?: string): Tensor {
  return applyOp(Exp, [x], {}, { name })[0]!;
}
