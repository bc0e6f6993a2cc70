import type * as tfc from '@tensorflow/tfjs-core';
import { ValueError } from '../../errors.js';
import { attr, type AttrSchemas, type Attrs } from '../core/attr.js';
import { defineOp, type OpRecord } from '../core/define.js';
import { refVariableName } from '../state/variable_v2.js';

const applyAttrs = { T: attr.type(), use_locking: attr.bool(false) };

/**
 * A TF training op (ApplyAdam, ...): `refs` are variables updated in place (the first is the
 * variable being trained), `inputs` are hyper-parameters and the gradient. `update` gets the
 * current values by name and returns the new value of each ref. The output is the variable.
 */
export function defineApplyOp<E extends AttrSchemas>(
  type: string,
  refs: readonly string[],
  inputs: readonly string[],
  extraAttrs: E,
  update: (v: Record<string, tfc.Tensor>, attrs: Attrs<typeof applyAttrs & E>) => Record<string, tfc.Tensor>,
): OpRecord<typeof applyAttrs & E> {
  return defineOp({
    type,
    inputs: [...refs.map((r) => `${r}:ref`), ...inputs],
    attrs: { ...applyAttrs, ...extraAttrs },
    infer: (ins, a) => {
      const varShape = ins[0]!.shape;
      ins.slice(1, refs.length).forEach((s, i) => {
        if (!varShape.isCompatibleWith(s.shape)) throw new ValueError(`Shapes of var and ${refs[i + 1]} must match: ${varShape.toBracketString()} vs ${s.shape.toBracketString()}`);
      });
      const grad = ins[refs.length + inputs.indexOf('grad')]!;
      if (!varShape.isCompatibleWith(grad.shape)) throw new ValueError(`Shapes of var and grad must match: ${varShape.toBracketString()} vs ${grad.shape.toBracketString()}`);
      return [{ dtype: a['T'] as Attrs<typeof applyAttrs>['T'], shape: varShape }];
    },
    kernel: (ins, a, ctx) => {
      const names = refs.map((_, i) => refVariableName(ctx.op, i));
      const values: Record<string, tfc.Tensor> = {};
      refs.forEach((r, i) => (values[r] = ctx.readVariable(names[i]!)));
      inputs.forEach((n, i) => (values[n] = ins[i]!));
      const next = update(values, a);
      refs.forEach((r, i) => {
        const v = next[r];
        if (v) ctx.writeVariable(names[i]!, v);
      });
      return [next[refs[0]!] ?? values[refs[0]!]!];
    },
    grad: 'none',
    stateful: true,
  });
}
