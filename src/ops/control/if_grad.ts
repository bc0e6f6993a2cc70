import { LookupError } from '../../errors.js';
import { isFloating, type DType } from '../../graph/dtype.js';
import type { Operation } from '../../graph/operation.js';
import type { Tensor } from '../../graph/tensor.js';
import { placeholder } from '../array/placeholder.js';
import { zerosLike } from '../array/zeros_like.js';
import type { GradientsFn, GradResult } from '../core/define.js';
import { functionGradient, type FunctionGradient } from './function_grad.js';
import { GraphFunction, RECOMPUTED } from './graph_function.js';
import { addIf } from './if_builder.js';

/** True when `dy` is the driver's zeros for an output nothing differentiated (no gradient). */
export function isZerosFill(dy: Tensor, output: Tensor): boolean {
  return dy.op.type === 'ZerosLike' && dy.op.inputs[0] === output;
}

/**
 * The gradient of If (TF2's _IfGrad): an If on the same predicate whose branches are the
 * gradients of the forward branches, built inside the branches' graphs. The forward values
 * those gradients read come from the forward If's outputs (its exposed intermediates), so the
 * taken branch is never run twice (a dropout mask or an assignment inside it stays the one of
 * the forward run).
 */
export function ifGrad(
  gradients: GradientsFn | undefined,
  op: Operation,
  thenFn: GraphFunction,
  elseFn: GraphFunction,
  dys: readonly (Tensor | null)[],
): GradResult {
  const pred = op.inputs[0]!;
  const args = op.inputs.slice(1);
  const none: GradResult = { cond: null, input: args.map(() => null) };
  const branches = [thenFn, elseFn];
  const numReal = thenFn.outputs.length;
  const offsets = [numReal, numReal + thenFn.intermediates.length];

  // The body tensor behind each If output, per branch (an intermediate belongs to one branch).
  const tensorIn = (b: number, i: number): Tensor | null => {
    if (i < numReal) return branches[b]!.outputs[i]!;
    const j = i - offsets[b]!;
    return j >= 0 && j < branches[b]!.intermediates.length ? branches[b]!.intermediates[j]! : null;
  };
  const yIdx = op.outputs
    .map((_, i) => i)
    .filter((i) => {
      const dy = dys[i];
      return dy && isFloating(op.outputs[i]!.dtype) && !isZerosFill(dy, op.outputs[i]!);
    });
  const xIdx = args.map((_, i) => i).filter((i) => isFloating(args[i]!.dtype));
  if (yIdx.length === 0 || xIdx.length === 0) return none;
  if (!gradients)
    throw new LookupError(
      `Gradient of If '${op.name}' needs the gradient driver (call it through tf.gradients)`,
    );

  const scope = op.graph.getNameScope();
  const parts = branches.map((fn, b) => {
    const ys = yIdx.filter((i) => tensorIn(b, i) !== null);
    const built: FunctionGradient | null =
      ys.length === 0
        ? null
        : functionGradient(
            gradients,
            fn,
            ys.map((i) => tensorIn(b, i)!),
            xIdx.map((i) => fn.inputs[i]!),
            scope,
          );
    return { fn, ys, built };
  });
  const hasGrad = xIdx.map((_, k) => parts.some((p) => p.built?.grads[k]));
  if (!hasGrad.some(Boolean)) return none;

  // Where each forward value a gradient reads comes from: an input of the If (already passed
  // on), a recomputed constant, or an output of the If.
  const sources = parts.map(({ fn, built }, b) => {
    const fed: Tensor[] = [];
    const from: Tensor[] = [];
    for (const t of built?.reads ?? []) {
      if (fn.inputs.includes(t) || RECOMPUTED.includes(t.op.type)) continue;
      const i = op.outputs.findIndex((_, k) => tensorIn(b, k) === t);
      if (i < 0)
        throw new LookupError(
          `Gradient of If '${op.name}': forward value '${t.name}' is not an output of the op`,
        );
      fed.push(t);
      from.push(op.outputs[i]!);
    }
    return { fed, from };
  });

  const dyInputs = yIdx.map((i) => dys[i]!);
  const gradFns = parts.map(({ fn, ys, built }, b) =>
    fn.graph.asDefault(() =>
      fn.graph.nameScope(`${scope}/`, () => {
        const ph = (dtype: DType, shape: Tensor['shape']): Tensor =>
          placeholder(dtype, shape, 'unused');
        const dyIns = yIdx.map((i) => {
          const k = ys.indexOf(i);
          return k >= 0 ? built!.dys[k]! : ph(op.outputs[i]!.dtype, op.outputs[i]!.shape);
        });
        const readIns = sources.flatMap((s, other) =>
          other === b ? s.fed : s.fed.map((t) => ph(t.dtype, t.shape)),
        );
        const outs = xIdx.flatMap((i, k) =>
          hasGrad[k] ? [built?.grads[k] ?? zerosLike(fn.inputs[i]!)] : [],
        );
        return new GraphFunction({
          name: `${fn.name}_grad`,
          graph: fn.graph,
          inputs: [...dyIns, ...fn.inputs, ...readIns],
          outputs: outs,
        });
      }),
    ),
  );

  const gradIf: Operation = addIf(
    op.graph,
    pred,
    [...dyInputs, ...args, ...sources[0]!.from, ...sources[1]!.from],
    gradFns[0]!,
    gradFns[1]!,
    xIdx.filter((_, k) => hasGrad[k]).map((i) => args[i]!.shape),
    'If',
  );
  const input: (Tensor | null)[] = args.map(() => null);
  let out = 0;
  xIdx.forEach((i, k) => {
    if (hasGrad[k]) input[i] = gradIf.outputs[out++]!;
  });
  return { cond: null, input };
}
