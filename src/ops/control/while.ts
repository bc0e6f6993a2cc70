import type * as tfc from '@tensorflow/tfjs-core';
import { UnimplementedError } from '../../errors.js';
import { TensorShape } from '../../graph/shape.js';
import { attr } from '../core/attr.js';
import { defineOp } from '../core/define.js';
import { isGraphFunction } from './graph_function.js';
import { dummyFor, scalarTruth, stackRows } from './kernel_util.js';
import { whileGrad } from './while_grad.js';

function sameShapes(rows: readonly tfc.Tensor[]): boolean {
  const first = rows[0];
  return rows.every(
    (r) => r.shape.length === first!.shape.length && r.shape.every((d, i) => d === first!.shape[i]),
  );
}

/** The static shape of a per-iteration accumulator of a tensor of shape `s`. */
export function accumulatorShape(s: TensorShape): TensorShape {
  return s.dims === null ? TensorShape.unknown() : new TensorShape([null, ...s.dims]);
}

/**
 * TF's functional While: `while (cond(vars)) vars = body(vars)`, both sub-graphs over the loop
 * variables `T` (tf.whileLoop lays them out as TF2 does: iteration counter, maximum iterations,
 * the user's variables, captured tensors). Outputs: the final loop variables, then one
 * accumulator per body intermediate (its value in every iteration, stacked on a new axis 0),
 * which the gradient reads; a plan that does not read one leaves it uncomputed.
 */
export const While = defineOp({
  type: 'While',
  inputs: ['input*'],
  attrs: {
    T: attr.types([]),
    cond: attr.opaque(isGraphFunction),
    body: attr.opaque(isGraphFunction),
    output_shapes: attr.shapes([]),
    parallel_iterations: attr.int(10),
  },
  infer: (_ins, a) => [
    ...a.T.map((dtype, i) => ({ dtype, shape: a.output_shapes[i] ?? TensorShape.unknown() })),
    ...a.body.intermediates.map((t) => ({ dtype: t.dtype, shape: accumulatorShape(t.shape) })),
  ],
  kernel: (ins, a, ctx) => {
    const n = a.T.length;
    const wanted = a.body.intermediates
      .map((_, j) => j)
      .filter((j) => ctx.outputWanted?.(n + j) ?? true);
    const body = a.body.withIntermediates(wanted);
    const rows: tfc.Tensor[][] = wanted.map(() => []);
    let vars: tfc.Tensor[] = ins;
    for (;;) {
      const [p] = ctx.runSubgraph(a.cond, vars);
      const go = scalarTruth(p!, `The loop condition of '${ctx.op.name}'`);
      p!.dispose();
      if (!go) break;
      const outs = ctx.runSubgraph(body, vars);
      outs.slice(n).forEach((t, k) => rows[k]!.push(t));
      // The executor owns the op's inputs; earlier iterations' values are ours to free.
      if (vars !== ins) vars.forEach((t) => t.dispose());
      vars = outs.slice(0, n);
    }
    const acc = a.body.intermediates.map((t, j) => {
      const k = wanted.indexOf(j);
      if (k < 0) return dummyFor(t);
      if (j < a.body.numPerIteration && !sameShapes(rows[k]!)) {
        // Padding a loop variable's rows would feed its gradient values of the wrong shape.
        throw new UnimplementedError(
          `Gradients of a while loop whose loop variable '${t.name}' changes shape across iterations are not supported`,
          ctx.op.name,
        );
      }
      return stackRows(rows[k]!, t);
    });
    return [...vars, ...acc];
  },
  grad: (ctx, dys) => whileGrad(ctx.gradients, ctx.op, ctx.attrs.body, dys),
  // The body may assign variables or draw random numbers: never fold or merge a While.
  stateful: true,
  // Most outputs (intermediates) never get a gradient: no zeros are built for them.
  nullGrads: true,
});
