import * as tfc from '@tensorflow/tfjs-core';
import { InvalidArgumentError } from '../../errors.js';
import type { Operation } from '../../graph/operation.js';
import { attr } from '../core/attr.js';
import { defineOp } from '../core/define.js';

/** Op types whose output is a variable reference that assignment ops write through. */
export const VARIABLE_OP_TYPES: readonly string[] = ['VariableV2', 'Variable'];

/** The variable an op's ref input points at (its key in the Session's state). */
export function refVariableName(op: Operation, inputIndex = 0): string {
  const src = op.inputs[inputIndex]?.op;
  if (!src || !VARIABLE_OP_TYPES.includes(src.type)) {
    throw new InvalidArgumentError(`${op.type} '${op.name}': input ${inputIndex} must be a variable reference, got ${src ? `${src.type} '${src.name}'` : 'nothing'}`, op.name);
  }
  return src.name;
}

/** A mutable variable. Its value is owned by the Session; the op reads it. */
export const VariableV2 = defineOp({
  type: 'VariableV2',
  inputs: [],
  attrs: { shape: attr.shape(), dtype: attr.type(), container: attr.string(''), shared_name: attr.string('') },
  infer: (_ins, a) => [{ dtype: a.dtype, shape: a.shape }],
  kernel: (_ins, _a, ctx) => [tfc.clone(ctx.readVariable(ctx.op.name))],
  grad: 'none',
  stateful: true,
});
