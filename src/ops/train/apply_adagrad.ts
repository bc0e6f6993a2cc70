import * as tfc from '@tensorflow/tfjs-core';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import { attr } from '../core/attr.js';
import type { TensorLike } from '../core/tensor_like.js';
import { defineApplyOp } from './apply_op.js';

/** accum += g^2; var -= lr g / sqrt(accum). */
export const ApplyAdagrad = defineApplyOp('ApplyAdagrad', ['var', 'accum'], ['lr', 'grad'], { update_slots: attr.bool(true) }, (x, a) => {
  const g = x['grad']!;
  const accum = a.update_slots ? tfc.add(x['accum']!, tfc.square(g)) : x['accum']!;
  return { var: tfc.sub(x['var']!, tfc.div(tfc.mul(x['lr']!, g), tfc.sqrt(accum))), accum };
});

/** @example applyAdagrad(w.variableRef(), accum.variableRef(), lr, grad) */
export function applyAdagrad(ref: Tensor, accum: Tensor, lr: TensorLike, grad: TensorLike, options: { useLocking?: boolean; name?: string } = {}): Tensor {
  return applyOp(ApplyAdagrad, [ref, accum, lr, grad], { use_locking: options.useLocking ?? false }, { name: options.name ?? 'ApplyAdagrad' })[0]!;
}
