import * as tfc from '@tensorflow/tfjs-core';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import type { TensorLike } from '../core/tensor_like.js';
import { defineApplyOp } from './apply_op.js';

/** ms = rho ms + (1 - rho) g^2; mom = momentum mom + lr g / sqrt(ms + epsilon); var -= mom. */
export const ApplyRMSProp = defineApplyOp('ApplyRMSProp', ['var', 'ms', 'mom'], ['lr', 'rho', 'momentum', 'epsilon', 'grad'], {}, (x) => {
  const g = x['grad']!;
  const ms = tfc.add(tfc.mul(x['rho']!, x['ms']!), tfc.mul(tfc.sub(1, x['rho']!), tfc.square(g)));
  const mom = tfc.add(tfc.mul(x['momentum']!, x['mom']!), tfc.div(tfc.mul(x['lr']!, g), tfc.sqrt(tfc.add(ms, x['epsilon']!))));
  return { var: tfc.sub(x['var']!, mom), ms, mom };
});

/** @example applyRMSProp(w.variableRef(), ms.variableRef(), mom.variableRef(), lr, 0.9, 0, 1e-10, grad) */
export function applyRMSProp(ref: Tensor, ms: Tensor, mom: Tensor, lr: TensorLike, rho: TensorLike, momentum: TensorLike, epsilon: TensorLike, grad: TensorLike, options: { useLocking?: boolean; name?: string } = {}): Tensor {
  return applyOp(ApplyRMSProp, [ref, ms, mom, lr, rho, momentum, epsilon, grad], { use_locking: options.useLocking ?? false }, { name: options.name ?? 'ApplyRMSProp' })[0]!;
}
