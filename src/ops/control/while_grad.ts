import * as tfc from '@tensorflow/tfjs-core';
import { LookupError } from '../../errors.js';
import { isFloating } from '../../graph/dtype.js';
import type { Operation } from '../../graph/operation.js';
import { TensorShape } from '../../graph/shape.js';
import type { Tensor } from '../../graph/tensor.js';
import { zerosLike } from '../array/zeros_like.js';
import { attr } from '../core/attr.js';
import { defineOp, type GradientsFn, type GradResult } from '../core/define.js';
import { createListOp } from './func_op.js';
import { functionGradient } from './function_grad.js';
import { GraphFunction, isGraphFunction, RECOMPUTED } from './graph_function.js';
import { isZerosFill } from './if_grad.js';
import { sliceRow } from './kernel_util.js';

/**
 * The reverse pass of a While (what TF2 builds as a While over TensorList pops): for each
 * forward iteration, last first, runs `body_grad` (the loop body's gradient) on the running
 * gradients of the float loop variables, that iteration's row of each forward accumulator, and
 * the captured tensors; the captured tensors' gradients are summed over iterations. Inputs:
 * the forward iteration count, the gradients of the final loop variables (`num_grads`), the
 * accumulators (`num_accumulators`), the captured tensors. Outputs: the gradients of the
 * initial float loop variables, then of the captures the body's gradient reaches
 * (`float_captures` indexes them among the captured inputs).
 * tfgraph has no variant dtype for TF's TensorLists, so the reverse loop is one op.
 */
export const WhileGrad = defineOp({
  type: 'WhileGrad',
  inputs: ['n:int32', 'input*'],
  attrs: {
    body_grad: attr.opaque(isGraphFunction),
    num_grads: attr.int(),
    num_accumulators: attr.int(),
    float_captures: attr.ints([]),
    Tout: attr.types([]),
    output_shapes: attr.shapes([]),
  },
  infer: (_ins, a) =>
    a.Tout.map((dtype, i) => ({ dtype, shape: a.output_shapes[i] ?? TensorShape.unknown() })),
  kernel: ([n, ...rest], a, ctx) => {
    const iterations = n!.dataSync()[0]!;
    const accs = rest.slice(a.num_grads, a.num_grads + a.num_accumulators);
    const caps = rest.slice(a.num_grads + a.num_accumulators);
    let grads = rest.slice(0, a.num_grads);
    let sums: tfc.Tensor[] | null = null;
    for (let i = iterations - 1; i >= 0; i--) {
      const rows = accs.map((acc) => sliceRow(acc, i));
      const outs = ctx.runSubgraph(a.body_grad, [...grads, ...rows, ...caps]);
      rows.forEach((r) => r.dispose());
      // The executor owns the op's inputs; gradients of later iterations are ours to free.
      if (i < iterations - 1) grads.forEach((t) => t.dispose());
      grads = outs.slice(0, a.num_grads);
      const capGrads = outs.slice(a.num_grads);
      if (sums) {
        const prev: tfc.Tensor[] = sums;
        sums = prev.map((s, k) => tfc.add(s, capGrads[k]!));
        prev.forEach((t) => t.dispose());
        capGrads.forEach((t) => t.dispose());
      } else {
        sums = capGrads;
      }
    }
    return [...grads, ...(sums ?? a.float_captures.map((k) => tfc.zerosLike(caps[k]!)))];
  },
  // Second-order gradients through a while loop are not supported.
  grad: 'none',
  stateful: true,
});

/**
 * The gradient of While for tf.whileLoop's layout (counter, maximum iterations, loop
 * variables, captures): the loop body's gradient is built once inside the body graph, reading
 * the forward values it needs from the While's accumulators, and a WhileGrad runs it backwards
 * over the iterations the forward loop made.
 */
export function whileGrad(
  gradients: GradientsFn | undefined,
  op: Operation,
  body: GraphFunction,
  dys: readonly (Tensor | null)[],
): GradResult {
  const n = op.inputs.length;
  const numCaps = body.numCaptures;
  const none: GradResult = { input: op.inputs.map(() => null) };
  const range = (from: number, to: number): number[] =>
    Array.from({ length: Math.max(to - from, 0) }, (_, k) => from + k);
  const floatVars = range(2, n - numCaps).filter((i) => isFloating(op.inputs[i]!.dtype));
  const caps = range(n - numCaps, n);
  const floatCaps = caps.filter((i) => isFloating(op.inputs[i]!.dtype));
  const flowing = floatVars.some((i) => dys[i] && !isZerosFill(dys[i]!, op.outputs[i]!));
  if (!flowing || floatVars.length + floatCaps.length === 0) return none;
  if (!gradients)
    throw new LookupError(
      `Gradient of While '${op.name}' needs the gradient driver (call it through tf.gradients)`,
    );

  const scope = op.graph.getNameScope();
  const built = functionGradient(
    gradients,
    body,
    floatVars.map((i) => body.outputs[i]!),
    [...floatVars, ...floatCaps].map((i) => body.inputs[i]!),
    scope,
  );
  // Per-iteration values the gradient reads come from the accumulators; captures are fed as they
  // are; constants and variables are recomputed.
  const perIteration: Tensor[] = [];
  const accumulators: Tensor[] = [];
  for (const t of built.reads) {
    const k = body.inputs.indexOf(t);
    if (k >= n - numCaps || (k < 0 && RECOMPUTED.includes(t.op.type))) continue;
    const j = body.intermediates.indexOf(t);
    if (j < 0)
      throw new LookupError(
        `Gradient of While '${op.name}': forward value '${t.name}' is not accumulated by the loop`,
      );
    perIteration.push(t);
    accumulators.push(op.outputs[n + j]!);
  }
  const capInputs = caps.map((i) => body.inputs[i]!);
  // A capture the body's gradient does not reach has no gradient (TF returns None), whereas a
  // loop variable's is zeros after an iteration and its own gradient after none.
  const gradCaps = floatCaps.filter((_, k) => built.grads[floatVars.length + k]);
  const gradFn = body.graph.asDefault(() =>
    body.graph.nameScope(`${scope}/`, () => {
      const outs = [
        ...floatVars.map((_, k) => built.grads[k] ?? zerosLike(built.dys[k]!)),
        ...gradCaps.map((i) => built.grads[floatVars.length + floatCaps.indexOf(i)]!),
      ];
      return new GraphFunction({
        name: `${body.name}_grad`,
        graph: body.graph,
        inputs: [...built.dys, ...perIteration, ...capInputs],
        outputs: outs,
      });
    }),
  );
  const gradOp = createListOp(
    WhileGrad,
    op.graph,
    [
      op.outputs[0]!,
      ...floatVars.map((i) => dys[i] ?? zerosLike(op.outputs[i]!)),
      ...accumulators,
      ...caps.map((i) => op.inputs[i]!),
    ],
    {
      body_grad: gradFn,
      num_grads: floatVars.length,
      num_accumulators: accumulators.length,
      float_captures: gradCaps.map((i) => i - (n - numCaps)),
      Tout: [...floatVars, ...gradCaps].map((i) => op.inputs[i]!.dtype),
      output_shapes: [
        ...floatVars.map((i) => op.outputs[i]!.shape),
        ...gradCaps.map((i) => op.inputs[i]!.shape),
      ],
    },
    'WhileGrad',
  );
  const input: (Tensor | null)[] = op.inputs.map(() => null);
  [...floatVars, ...gradCaps].forEach((i, k) => {
    input[i] = gradOp.outputs[k]!;
  });
  return { input };
}
