import type { Operation } from '../../graph/operation.js';
import type { Tensor } from '../../graph/tensor.js';
import { placeholder } from '../array/placeholder.js';
import type { GradientsFn } from '../core/define.js';
import type { GraphFunction } from './graph_function.js';

/** The gradient of a function body, built inside the body's own graph. */
export interface FunctionGradient {
  /** Placeholders for the incoming gradients, one per differentiated output. */
  readonly dys: readonly Tensor[];
  /** The gradient of each of `xs` (null where none flows). */
  readonly grads: readonly (Tensor | null)[];
  /**
   * Forward tensors of the body the gradient ops read directly: a gradient function is fed
   * these (from the forward op's outputs), so running it never recomputes the forward pass.
   */
  readonly reads: readonly Tensor[];
}

/**
 * Builds d(sum ys * dys)/d(xs) with the gradient driver (tf.gradients) inside `fn`'s graph, under `scope` (the outer
 * gradient scope, e.g. 'gradients/cond_grad'). The function's inputs are gradient stops: a fed
 * forward tensor (a gradient function's input) collects its gradient but passes none on,
 * since the function treats it as independent.
 */
export function functionGradient(
  gradients: GradientsFn,
  fn: GraphFunction,
  ys: readonly Tensor[],
  xs: readonly Tensor[],
  scope: string,
): FunctionGradient {
  const g = fn.graph;
  return g.asDefault(() => {
    const mark = g.operations.length;
    const dys = g.nameScope(scope ? `${scope}/` : null, () =>
      ys.map((y) => placeholder(y.dtype, y.shape, 'dy')),
    );
    const grads = gradients(ys, xs, dys, {
      stopGradients: fn.inputs,
      ...(scope ? { name: `${scope}/` } : {}),
    });
    return { dys, grads, reads: forwardReads(grads, mark) };
  });
}

/** Tensors created before `mark` that the ops computing `grads` (created from `mark` on) read. */
function forwardReads(grads: readonly (Tensor | null)[], mark: number): Tensor[] {
  const reads = new Set<Tensor>();
  const seen = new Set<Operation>();
  const stack: Operation[] = [];
  const visit = (op: Operation): void => {
    if (!seen.has(op)) {
      seen.add(op);
      stack.push(op);
    }
  };
  for (const t of grads) {
    if (!t) continue;
    if (t.op.id < mark) reads.add(t);
    else visit(t.op);
  }
  while (stack.length > 0) {
    const op = stack.pop()!;
    for (const t of op.inputs) {
      if (t.op.id < mark) reads.add(t);
      else visit(t.op);
    }
    for (const c of op.controlInputs) if (c.id >= mark) visit(c);
  }
  return [...reads].sort((a, b) => a.op.id - b.op.id || a.valueIndex - b.valueIndex);
}
