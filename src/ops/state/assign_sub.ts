import * as tfc from '@tensorflow/tfjs-core';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import type { TensorLike } from '../core/tensor_like.js';
import { variableRef } from './assign.js';
import { defineAssignUpdate } from './assign_update.js';

export const AssignSub = defineAssignUpdate('AssignSub', tfc.sub);

/** v -= value; the op's output is the new value. @example tf.assignSub(v, delta) */
export function assignSub(ref: TensorLike, value: TensorLike, options: { useLocking?: boolean; name?: string } | string = {}): Tensor {
  const o = typeof options === 'string' ? { name: options } : options;
  return applyOp(AssignSub, [variableRef(ref), value], { use_locking: o.useLocking ?? false }, { name: o.name ?? 'AssignSub' })[0]!;
}
