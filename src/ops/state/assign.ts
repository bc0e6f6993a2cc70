import * as tfc from '@tensorflow/tfjs-core';
import { InvalidArgumentError, ValueError } from '../../errors.js';
import type { Tensor } from '../../graph/tensor.js';
import { TensorShape } from '../../graph/shape.js';
import { applyOp } from '../core/apply.js';
import { attr } from '../core/attr.js';
import { defineOp } from '../core/define.js';
import { symbolicOf, type TensorLike } from '../core/tensor_like.js';
import { refVariableName } from './variable_v2.js';

export const Assign = defineOp({
  type: 'Assign',
  inputs: ['ref:ref', 'value'],
  attrs: { T: attr.type(), validate_shape: attr.bool(true), use_locking: attr.bool(true) },
  infer: ([ref, value], a) => {
    if (!a.validate_shape) return [{ dtype: a.T, shape: value!.shape }];
    if (!ref!.shape.isCompatibleWith(value!.shape)) {
      throw new ValueError(`Shapes ${ref!.shape.toString()} and ${value!.shape.toString()} are incompatible`);
    }
    return [{ dtype: a.T, shape: ref!.shape.mergeWith(value!.shape) }];
  },
  kernel: ([value], a, ctx) => {
    const ref = ctx.op.inputs[0]!;
    if (a.validate_shape && !ref.shape.isCompatibleWith(new TensorShape(value!.shape))) {
      throw new InvalidArgumentError(`Assign requires shapes of both tensors to match. lhs shape= ${ref.shape.toBracketString()} rhs shape= ${new TensorShape(value!.shape).toBracketString()}`, ctx.op.name);
    }
    ctx.writeVariable(refVariableName(ctx.op), value!);
    return [tfc.clone(value!)];
  },
  grad: 'none',
  stateful: true,
});

/** Refs: assignment ops need the VariableV2 tensor itself, not a read of it. */
export function variableRef(ref: TensorLike): Tensor {
  const asRef = (ref as { variableRef?: () => Tensor }).variableRef;
  if (typeof asRef === 'function') return asRef.call(ref);
  const t = symbolicOf(ref);
  if (!t) throw new ValueError('the target of an assignment must be a Variable');
  return t;
}

/** Writes `value` into the variable; the op's output is the new value. @example tf.assign(v, [1, 2]) */
export function assign(ref: TensorLike, value: TensorLike, options: { validateShape?: boolean; useLocking?: boolean; name?: string } | string = {}): Tensor {
  const o = typeof options === 'string' ? { name: options } : options;
  return applyOp(Assign, [variableRef(ref), value], { validate_shape: o.validateShape ?? true, use_locking: o.useLocking ?? true }, { name: o.name ?? 'Assign' })[0]!;
}
