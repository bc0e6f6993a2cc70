import * as tfc from '@tensorflow/tfjs-core';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import { attr } from '../core/attr.js';
import type { TensorLike } from '../core/tensor_like.js';
import { defineApplyOp } from './apply_op.js';

/**
 * TF's ApplyAdam: lr_t = lr * sqrt(1 - beta2^t) / (1 - beta1^t); m = b1 m + (1 - b1) g;
 * v = b2 v + (1 - b2) g^2; var -= lr_t m / (sqrt(v) + epsilon). Nesterov uses b1 m + (1 - b1) g.
 */
export const ApplyAdam = defineApplyOp(
  'ApplyAdam',
  ['var', 'm', 'v'],
  ['beta1_power', 'beta2_power', 'lr', 'beta1', 'beta2', 'epsilon', 'grad'],
  { use_nesterov: attr.bool(false) },
  (x, a) => {
    const g = x['grad']!;
    const b1 = x['beta1']!;
    const b2 = x['beta2']!;
    // Each quantity in its own tidy: its temporaries (variable-sized) go as soon as it is made,
    // so a step holds a few variable-sized tensors at a time, not a dozen.
    const lrT = tfc.tidy(() => tfc.div(tfc.mul(x['lr']!, tfc.sqrt(tfc.sub(1, x['beta2_power']!))), tfc.sub(1, x['beta1_power']!)));
    const m = tfc.tidy(() => tfc.add(tfc.mul(b1, x['m']!), tfc.mul(tfc.sub(1, b1), g)));
    const v = tfc.tidy(() => tfc.add(tfc.mul(b2, x['v']!), tfc.mul(tfc.sub(1, b2), tfc.square(g))));
    const step = tfc.tidy(() => {
      const mHat = a.use_nesterov ? tfc.add(tfc.mul(b1, m), tfc.mul(tfc.sub(1, b1), g)) : m;
      return tfc.div(tfc.mul(lrT, mHat), tfc.add(tfc.sqrt(v), x['epsilon']!));
    });
    return { var: tfc.sub(x['var']!, step), m, v };
  },
);

/** @example applyAdam(w.variableRef(), m.variableRef(), v.variableRef(), b1p, b2p, lr, 0.9, 0.999, 1e-8, grad) */
export function applyAdam(
  ref: Tensor,
  m: Tensor,
  v: Tensor,
  beta1Power: TensorLike,
  beta2Power: TensorLike,
  lr: TensorLike,
  beta1: TensorLike,
  beta2: TensorLike,
  epsilon: TensorLike,
  grad: TensorLike,
  options: { useLocking?: boolean; useNesterov?: boolean; name?: string } = {},
): Tensor {
  return applyOp(ApplyAdam, [ref, m, v, beta1Power, beta2Power, lr, beta1, beta2, epsilon, grad], { use_locking: options.useLocking ?? false, use_nesterov: options.useNesterov ?? false }, { name: options.name ?? 'ApplyAdam' })[0]!;
}
