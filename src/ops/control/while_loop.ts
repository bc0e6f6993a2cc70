import { TypeError, ValueError } from '../../errors.js';
import type { HostValue } from '../../graph/host_value.js';
import { Operation } from '../../graph/operation.js';
import { TensorShape, type ShapeLike } from '../../graph/shape.js';
import type { Tensor } from '../../graph/tensor.js';
import { constant } from '../array/const.js';
import { identity } from '../array/identity.js';
import { placeholder } from '../array/placeholder.js';
import { stopGradient } from '../array/stop_gradient.js';
import { graphOf, symbolicOf, type TensorLike } from '../core/tensor_like.js';
import { add } from '../math/add.js';
import { less } from '../math/less.js';
import { logicalAnd } from '../math/logical_and.js';
import { traceBody } from './branch.js';
import type { Nested } from './cond.js';
import type { FuncGraph } from './func_graph.js';
import { createListOp } from './func_op.js';
import { GraphFunction } from './graph_function.js';
import { assertSameStructure, flatten, isStructure, packSequenceAs } from './nest.js';
import { While } from './while.js';

export interface WhileLoopOptions {
  /** Stops after this many iterations even if `cond` still holds (an int32 scalar). */
  maximumIterations?: TensorLike | null;
  /** Accepted for TF1 compatibility; iterations run one after another. */
  parallelIterations?: number;
  /** Per loop variable (same structure), a shape it keeps across iterations (null dims vary). */
  shapeInvariants?: unknown;
  /** TF1: false (default) returns a one-variable loop's result as the tensor itself. */
  returnSameStructure?: boolean;
  /** TF1's back_prop: false makes the results constants for tf.gradients. */
  backProp?: boolean;
  /** Accepted for TF1 compatibility (tfjs keeps every value in backend memory). */
  swapMemory?: boolean;
  name?: string;
}

/** The arguments `cond` and `body` receive: the loop variables, spread. */
export type LoopArgs<L> = L extends readonly unknown[]
  ? { -readonly [K in keyof L]: Nested<L[K]> }
  : [Nested<L>];
/** What tf.whileLoop returns: the final loop variables (one variable alone unless returnSameStructure). */
export type LoopResult<L> = L extends readonly [infer U] ? Nested<U> : Nested<L>;

/**
 * TF1's tf.while_loop, built as TF's functional While: `cond` and `body` are traced once into
 * sub-graphs (ops named under `while/`) over the loop variables, which keep their dtypes and
 * (unless `shapeInvariants` relax them) their shapes. With `maximumIterations` the loop also
 * stops after that many iterations. Differentiable with respect to float loop variables and
 * captured tensors: the forward loop keeps what the body's gradient needs from each iteration.
 * @example const [i, fact] = tf.whileLoop((i, f) => tf.less(i, 5), (i, f) => [tf.add(i, 1), tf.multiply(f, tf.cast(tf.add(i, 1), 'float32'))], [0, 1])
 */
export function whileLoop<const L>(
  cond: (...vars: LoopArgs<L>) => TensorLike,
  body: (...vars: LoopArgs<L>) => unknown,
  loopVars: L,
  options?: WhileLoopOptions & { returnSameStructure?: false },
): LoopResult<L>;
export function whileLoop<const L>(
  cond: (...vars: LoopArgs<L>) => TensorLike,
  body: (...vars: LoopArgs<L>) => unknown,
  loopVars: L,
  options: WhileLoopOptions & { returnSameStructure: true },
): Nested<L>;
export function whileLoop<const L>(
  cond: (...vars: LoopArgs<L>) => TensorLike,
  body: (...vars: LoopArgs<L>) => unknown,
  loopVars: L,
  options: WhileLoopOptions = {},
): LoopResult<L> | Nested<L> {
  if (typeof cond !== 'function') throw new TypeError("'cond' must be callable.");
  if (typeof body !== 'function') throw new TypeError("'body' must be callable.");
  const parallel = options.parallelIterations ?? 10;
  if (!Number.isInteger(parallel) || parallel <= 0)
    throw new ValueError("'parallel_iterations' must be a positive integer.");
  const isList = Array.isArray(loopVars);
  const leaves = flatten(loopVars);
  if (loopVars === undefined || loopVars === null || leaves.length === 0)
    throw new ValueError("'loop_vars' must be provided.");
  const call = <R>(fn: (...vars: LoopArgs<L>) => R, vars: readonly Tensor[]): R => {
    const packed = packSequenceAs(loopVars, vars);
    return isList ? fn(...(packed as LoopArgs<L>)) : fn(...([packed] as LoopArgs<L>));
  };

  const graph = graphOf([...leaves, options.maximumIterations]);
  return graph.asDefault(() => {
    const initial = leaves.map((v) => {
      if (v instanceof Operation)
        throw new TypeError(`Loop variables must be tensors, got the Operation '${v.name}'.`);
      return symbolicOf(v) ?? constant(v as HostValue);
    });
    const invariants = shapeInvariants(initial, loopVars, options.shapeInvariants);
    return graph.nameScope(options.name ?? 'while', (scope) => {
      const scopeName = scope.slice(0, -1);
      const maxIter = maximumIterations(options.maximumIterations);
      const counter = constant(0, { dtype: 'int32', name: 'loop_counter' });
      const specs = [counter, maxIter, ...initial].map((t, i) => ({
        dtype: t.dtype,
        shape: i < 2 ? TensorShape.scalar() : invariants[i - 2]!,
      }));
      const makeArgs = (): Tensor[] =>
        specs.map((s) => placeholder(s.dtype, s.shape, 'Placeholder'));

      const c = traceBody(
        `${scopeName}_cond`,
        graph,
        scopeName,
        (i, m, ...vars) => {
          const pred = loopPredicate(call(cond, vars), scopeName);
          return options.maximumIterations === undefined || options.maximumIterations === null
            ? pred
            : logicalAnd(less(i!, m!), pred);
        },
        "'cond'",
        { args: makeArgs },
      );
      const b = traceBody(
        `${scopeName}_body`,
        graph,
        scopeName,
        (i, m, ...vars) => {
          let result = call(body, vars);
          // TF1 lets a one-variable body return the tensor itself.
          if (isList && leaves.length === 1 && !isStructure(result)) result = [result];
          assertSameStructure(loopVars, result);
          return [add(i!, 1), m!, ...flatten(result)];
        },
        "'body'",
        { args: makeArgs },
      );
      checkLoopVars(initial, invariants, b.outputs.slice(2));

      // Both functions take every captured tensor, after the loop variables; the body passes
      // them through unchanged.
      const captured: Tensor[] = [];
      for (const cap of [...c.graph.captures, ...b.graph.captures])
        if (!captured.includes(cap.outer)) captured.push(cap.outer);
      const captureIn = (g: FuncGraph): Tensor[] =>
        g.asDefault(() => captured.map((t) => g.capture(t)));
      const condCaps = captureIn(c.graph);
      const bodyCaps = captureIn(b.graph);
      const condFn = new GraphFunction({
        name: c.graph.name,
        graph: c.graph,
        inputs: [...c.args, ...condCaps],
        outputs: c.outputs,
        numCaptures: captured.length,
      });
      const bodyFn = new GraphFunction({
        name: b.graph.name,
        graph: b.graph,
        inputs: [...b.args, ...bodyCaps],
        outputs: [...b.outputs, ...bodyCaps],
        numCaptures: captured.length,
        perIteration: b.args,
      });
      const inputs = [counter, maxIter, ...initial, ...captured];
      const op = createListOp(
        While,
        graph,
        inputs,
        {
          T: inputs.map((t) => t.dtype),
          cond: condFn,
          body: bodyFn,
          output_shapes: [...specs.map((s) => s.shape), ...captured.map((t) => t.shape)],
          parallel_iterations: parallel,
        },
        scope,
        [...new Set([...c.graph.controlCaptures, ...b.graph.controlCaptures])],
      );
      // TF2 names the results while/Identity_2, ... after the counter's and the maximum's.
      let outs = specs.map((_, i) => identity(op.outputs[i]!, 'Identity')).slice(2);
      if (options.backProp === false) outs = outs.map((t) => stopGradient(t));
      const result = packSequenceAs(loopVars, outs);
      if (
        isList &&
        leaves.length === 1 &&
        (loopVars as unknown[]).length === 1 &&
        !options.returnSameStructure
      )
        return (result as unknown[])[0] as LoopResult<L>;
      return result as Nested<L>;
    });
  });
}

function maximumIterations(m: TensorLike | null | undefined): Tensor {
  if (m === undefined || m === null)
    return constant(-1, { dtype: 'int32', name: 'maximum_iterations' });
  const t =
    symbolicOf(m) ?? constant(m as HostValue, { dtype: 'int32', name: 'maximum_iterations' });
  if (t.dtype !== 'int32' && t.dtype !== 'int64')
    throw new TypeError(`maximum_iterations must be an integer tensor, got ${t.dtype}`);
  if (t.shape.rank !== null && t.shape.rank !== 0)
    throw new ValueError(`maximum_iterations must be a scalar, saw shape: ${t.shape.toString()}`);
  return t;
}

function loopPredicate(p: TensorLike, scope: string): Tensor {
  const t = symbolicOf(p) ?? constant(p as HostValue);
  if (t.dtype !== 'bool')
    throw new TypeError(
      `The condition of '${scope}' must be a bool tensor, got ${t.dtype} ('cond' must return a boolean scalar).`,
    );
  if (t.shape.rank !== null && t.shape.rank !== 0)
    throw new ValueError(
      `Shape must be rank 0 but is rank ${t.shape.rank} for the condition of '${scope}' (input shapes: ${t.shape.toBracketString()}).`,
    );
  return t;
}

/** The shape each loop variable keeps: its own, or the given invariant (TF1's checks). */
function shapeInvariants(
  initial: readonly Tensor[],
  loopVars: unknown,
  given: unknown,
): TensorShape[] {
  if (given === undefined || given === null) return initial.map((t) => t.shape);
  // A shape is a leaf here (an array of dims), so pair the invariants with the loop variables.
  const shapes: TensorShape[] = [];
  const visit = (vars: unknown, inv: unknown): void => {
    if (isStructure(vars)) {
      if (Array.isArray(vars)) {
        if (!Array.isArray(inv) || inv.length !== vars.length)
          throw new ValueError(
            `shape_invariants must have the same structure as loop_vars, got ${JSON.stringify(inv)}`,
          );
        vars.forEach((v, k) => visit(v, inv[k]));
      } else {
        const obj = inv as Record<string, unknown> | null;
        if (typeof obj !== 'object' || obj === null)
          throw new ValueError(
            `shape_invariants must have the same structure as loop_vars, got ${JSON.stringify(inv)}`,
          );
        Object.keys(vars)
          .sort()
          .forEach((k) => visit((vars as Record<string, unknown>)[k], obj[k]));
      }
      return;
    }
    shapes.push(TensorShape.from(inv as ShapeLike));
  };
  visit(loopVars, given);
  return initial.map((t, i) => {
    const inv = shapes[i]!;
    if (!inv.isCompatibleWith(t.shape)) {
      throw new ValueError(
        `The shape invariant specified for ${t.name} is not compatible with the initial shape of the loop variable. It enters the loop with shape ${t.shape.toString()}, but the specified shape invariant is ${inv.toString()}.`,
      );
    }
    return inv;
  });
}

/** TF's checks on the body's results: each keeps its loop variable's dtype and shape invariant. */
function checkLoopVars(
  initial: readonly Tensor[],
  invariants: readonly TensorShape[],
  next: readonly Tensor[],
): void {
  initial.forEach((t, i) => {
    const out = next[i]!;
    if (out.dtype !== t.dtype) {
      throw new TypeError(
        `Loop var ${t.name} enters the loop with type <dtype: '${t.dtype}'> but has type <dtype: '${out.dtype}'> after 1 iteration. ${t.name} type should remain constant.`,
      );
    }
    const inv = invariants[i]!;
    if (!inv.isCompatibleWith(out.shape)) {
      throw new ValueError(
        `Input tensor '${t.name}' enters the loop with shape ${inv.toString()}, but has shape ${out.shape.toString()} after one iteration. To allow the shape to vary across iterations, use the \`shape_invariants\` argument of tf.while_loop to specify a less-specific shape.`,
      );
    }
  });
}
