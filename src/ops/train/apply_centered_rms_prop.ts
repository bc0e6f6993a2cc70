import * as tfc from '@tensorflow/tfjs-core';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import type { TensorLike } from '../core/tensor_like.js';
import { defineApplyOp } from './apply_op.js';

/** Centered RMSProp: mg tracks the mean gradient; the denominator is sqrt(ms - mg^2 + epsilon). */
export const ApplyCenteredRMSProp = defineApplyOp('ApplyCenteredRMSProp', ['var', 'mg', 'ms', 'mom'], ['lr', 'rho', 'momentum', 'epsilon', 'grad'], {}, (x) => {
  const g = x['grad']!;
  const oneMinusRho = tfc.sub(1, x['rho']!);
  const mg = tfc.add(tfc.mul(x['rho']!, x['mg']!), tfc.mul(oneMinusRho, g));
  const ms = tfc.add(tfc.mul(x['rho']!, x['ms']!), tfc.mul(oneMinusRho, tfc.square(g)));
  const denom = tfc.sqrt(tfc.add(tfc.sub(ms, tfc.square(mg)), x['epsilon']!));
  const mom = tfc.add(tfc.mul(x['momentum']!, x['mom']!), tfc.div(tfc.mul(x['lr']!, g), denom));
  return { var: tfc.sub(x['var']!, mom), mg, ms, mom };
});

/** @example applyCenteredRMSProp(w.variableRef(), mg, ms, mom, lr, 0.9, 0, 1e-10, grad) */
export function applyCenteredRMSProp(ref: Tensor, mg: Tensor, ms: Tensor, mom: Tensor, lr: TensorLike, rho: TensorLike, momentum: TensorLike, epsilon: TensorLike, grad: TensorLike, options: { useLocking?: boolean; name?: string } = {}): Tensor {
  return applyOp(ApplyCenteredRMSProp, [ref, mg, ms, mom, lr, rho, momentum, epsilon, grad], { use_locking: options.useLocking ?? false }, { name: options.name ?? 'ApplyCenteredRMSProp' })[0]!;
}
