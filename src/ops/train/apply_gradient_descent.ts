import * as tfc from '@tensorflow/tfjs-core';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import type { TensorLike } from '../core/tensor_like.js';
import { defineApplyOp } from './apply_op.js';

/** var -= alpha * delta */
export const ApplyGradientDescent = defineApplyOp('ApplyGradientDescent', ['var'], ['alpha', 'delta'], {}, (v) => ({
  var: tfc.sub(v['var']!, tfc.mul(v['alpha']!, v['delta']!)),
}));

/** @example applyGradientDescent(w.variableRef(), 0.1, grad) */
export function applyGradientDescent(ref: Tensor, alpha: TensorLike, delta: TensorLike, options: { useLocking?: boolean; name?: string } = {}): Tensor {
  return applyOp(ApplyGradientDescent, [ref, alpha, delta], { use_locking: options.useLocking ?? false }, { name: options.name ?? 'ApplyGradientDescent' })[0]!;
}
