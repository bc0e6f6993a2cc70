import * as tfc from '@tensorflow/tfjs-core';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import type { TensorLike } from '../core/tensor_like.js';
import { variableRef } from './assign.js';
import { defineAssignUpdate } from './assign_update.js';

export const AssignAdd = defineAssignUpdate('AssignAdd', tfc.add);

/** v += value; the op's output is the new value. @example tf.assignAdd(globalStep, 1) */
export function assignAdd(ref: TensorLike, value: TensorLike, options: { useLocking?: boolean; name?: string } | string = {}): Tensor {
  const o = typeof options === 'string' ? { name: options } : options;
  return applyOp(AssignAdd, [variableRef(ref), value], { use_locking: o.useLocking ?? false }, { name: o.name ?? 'AssignAdd' })[0]!;
}
