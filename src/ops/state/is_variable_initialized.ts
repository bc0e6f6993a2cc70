import * as tfc from '@tensorflow/tfjs-core';
import { TensorShape } from '../../graph/shape.js';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import { attr } from '../core/attr.js';
import { defineOp } from '../core/define.js';
import type { TensorLike } from '../core/tensor_like.js';
import { variableRef } from './assign.js';
import { refVariableName } from './variable_v2.js';

export const IsVariableInitialized = defineOp({
  type: 'IsVariableInitialized',
  inputs: ['ref:ref'],
  attrs: { dtype: attr.type() },
  infer: () => [{ dtype: 'bool', shape: TensorShape.scalar() }],
  kernel: (_ins, _a, ctx) => [tfc.scalar(ctx.isVariableInitialized(refVariableName(ctx.op)), 'bool')],
  grad: 'none',
  stateful: true,
});

/** Whether the variable has a value in the running Session. @example tf.isVariableInitialized(v) */
export function isVariableInitialized(ref: TensorLike, name?: string): Tensor {
  const r = variableRef(ref);
  return applyOp(IsVariableInitialized, [r], { dtype: r.dtype }, { name: name ?? 'IsVariableInitialized' })[0]!;
}
