import type * as tfc from '@tensorflow/tfjs-core';
import { TensorShape } from '../../graph/shape.js';
import { attr } from '../core/attr.js';
import { defineOp } from '../core/define.js';
import { isGraphFunction } from './graph_function.js';
import { ifGrad } from './if_grad.js';
import { dummyFor, scalarTruth } from './kernel_util.js';

/**
 * TF's functional If: runs `then_branch` or `else_branch` (sub-graphs) on its inputs, only the
 * taken one. Outputs: the branches' outputs (`Tout` first entries), then the then-branch's
 * intermediates, then the else-branch's: gradients read those (a plan that does not read one
 * leaves it uncomputed; an untaken branch's are zeros).
 */
export const If = defineOp({
  type: 'If',
  inputs: ['cond:bool', 'input*'],
  attrs: {
    Tin: attr.types([]),
    Tout: attr.types([]),
    then_branch: attr.opaque(isGraphFunction),
    else_branch: attr.opaque(isGraphFunction),
    output_shapes: attr.shapes([]),
  },
  infer: ([pred], a) => {
    pred!.shape.withRankOrThrow(0);
    return a.Tout.map((dtype, i) => ({
      dtype,
      shape: a.output_shapes[i] ?? TensorShape.unknown(),
    }));
  },
  kernel: (ins, a, ctx) => {
    const [pred, ...args] = ins;
    const taken = scalarTruth(pred!, `The predicate of '${ctx.op.name}'`);
    const fn = taken ? a.then_branch : a.else_branch;
    const numReal = a.then_branch.outputs.length;
    const offset = numReal + (taken ? 0 : a.then_branch.intermediates.length);
    const wanted = fn.intermediates
      .map((_, j) => j)
      .filter((j) => ctx.outputWanted?.(offset + j) ?? true);
    const outs = ctx.runSubgraph(fn.withIntermediates(wanted), args);
    const result: tfc.Tensor[] = outs.slice(0, numReal);
    for (const branch of [a.then_branch, a.else_branch]) {
      branch.intermediates.forEach((t, j) => {
        const k = branch === fn ? wanted.indexOf(j) : -1;
        result.push(k >= 0 ? outs[numReal + k]! : dummyFor(t));
      });
    }
    return result;
  },
  grad: (ctx, dys) =>
    ifGrad(ctx.gradients, ctx.op, ctx.attrs.then_branch, ctx.attrs.else_branch, dys),
  // Branches may assign variables or draw random numbers: never fold or merge an If.
  stateful: true,
  // Most outputs (intermediates) never get a gradient: no zeros are built for them.
  nullGrads: true,
});
