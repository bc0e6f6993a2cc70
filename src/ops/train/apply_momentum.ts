import * as tfc from '@tensorflow/tfjs-core';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import { attr } from '../core/attr.js';
import type { TensorLike } from '../core/tensor_like.js';
import { defineApplyOp } from './apply_op.js';

/** accum = accum * momentum + grad; var -= lr * accum (Nesterov: var -= lr * (grad + momentum * accum)). */
export const ApplyMomentum = defineApplyOp('ApplyMomentum', ['var', 'accum'], ['lr', 'grad', 'momentum'], { use_nesterov: attr.bool(false) }, (v, a) => {
  const accum = tfc.add(tfc.mul(v['accum']!, v['momentum']!), v['grad']!);
  const step = a.use_nesterov ? tfc.add(tfc.mul(v['grad']!, v['lr']!), tfc.mul(tfc.mul(accum, v['momentum']!), v['lr']!)) : tfc.mul(accum, v['lr']!);
  return { var: tfc.sub(v['var']!, step), accum };
});

/** @example applyMomentum(w.variableRef(), accum.variableRef(), 0.1, grad, 0.9) */
export function applyMomentum(ref: Tensor, accum: Tensor, lr: TensorLike, grad: TensorLike, momentum: TensorLike, options: { useLocking?: boolean; useNesterov?: boolean; name?: string } = {}): Tensor {
  return applyOp(ApplyMomentum, [ref, accum, lr, grad, momentum], { use_locking: options.useLocking ?? false, use_nesterov: options.useNesterov ?? false }, { name: options.name ?? 'ApplyMomentum' })[0]!;
}
