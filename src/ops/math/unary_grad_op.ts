import type * as tfc from '@tensorflow/tfjs-core';
import { attr } from '../core/attr.js';
import { defineOp, type GradFn, type OpRecord } from '../core/define.js';
import { checkDType, type TAttrs } from './elementwise.js';
import { mergeShapes } from './shapes.js';

/**
 * TF's fused gradient ops of unary functions (SqrtGrad, RsqrtGrad, ReciprocalGrad): inputs
 * y (the forward output) and dy of one shape (TF's MergeBothInputsShapeFn, no broadcasting).
 */
export function defineUnaryGrad(
  type: string,
  kernel: (y: tfc.Tensor, dy: tfc.Tensor) => tfc.Tensor,
  grad: GradFn<TAttrs>,
): OpRecord<TAttrs> {
  return defineOp({
    type,
    inputs: ['y', 'dy'],
    attrs: { T: attr.type() },
    infer: ([y, dy], a) => {
      checkDType('y', a.T, 'float');
      return [{ dtype: a.T, shape: mergeShapes(y!.shape, dy!.shape) }];
    },
    kernel: ([y, dy]) => [kernel(y!, dy!)],
    grad,
  });
}
