import * as tfc from '@tensorflow/tfjs-core';
import { TensorShape } from '../../graph/shape.js';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import { attr } from '../core/attr.js';
import { defineOp } from '../core/define.js';
import type { TensorLike } from '../core/tensor_like.js';
import { multiply } from '../math/mul.js';
import { checkDType } from './activation_op.js';

/** TF's L2Loss: sum(t^2) / 2, a scalar. */
export const L2Loss = defineOp({
  type: 'L2Loss',
  inputs: ['t'],
  attrs: { T: attr.type() },
  infer: (_ins, a) => {
    checkDType('t', a.T, 'float');
    return [{ dtype: a.T, shape: TensorShape.scalar() }];
  },
  kernel: ([t]) => [tfc.div(tfc.sum(tfc.square(t!)), 2)],
  // TF's _L2LossGrad: t * dy.
  grad: ({ inputs: [t] }, [dy]) => ({ t: multiply(t!, dy!, 'mul') }),
});

/** sum(t ** 2) / 2, without the sqrt. @example tf.nn.l2Loss(w) */
export function l2Loss(t: TensorLike, name?: string): Tensor {
  return applyOp(L2Loss, [t], {}, { name: name ?? 'L2Loss' })[0]!;
}
