import * as tfc from '@tensorflow/tfjs-core';
import { ValueError } from '../../errors.js';
import { attr } from '../core/attr.js';
import { defineOp, type OpRecord } from '../core/define.js';
import { broadcastShapes } from '../util/broadcast.js';
import { refVariableName } from './variable_v2.js';

const updateAttrs = { T: attr.type(), use_locking: attr.bool(false) };

/** AssignAdd / AssignSub: read-modify-write of a variable, whose output is the new value. */
export function defineAssignUpdate(type: string, combine: (old: tfc.Tensor, v: tfc.Tensor) => tfc.Tensor): OpRecord<typeof updateAttrs> {
  return defineOp({
    type,
    inputs: ['ref:ref', 'value'],
    attrs: updateAttrs,
    infer: ([ref, value], a) => {
      if (ref!.shape.isFullyDefined() && value!.shape.isFullyDefined() && !broadcastShapes(ref!.shape, value!.shape).equals(ref!.shape)) {
        throw new ValueError(`Shapes ${ref!.shape.toString()} and ${value!.shape.toString()} are incompatible`);
      }
      return [{ dtype: a.T, shape: ref!.shape }];
    },
    kernel: ([value], _a, ctx) => {
      const name = refVariableName(ctx.op);
      const updated = combine(ctx.readVariable(name), value!);
      ctx.writeVariable(name, updated);
      return [updated];
    },
    grad: 'none',
    stateful: true,
  });
}
