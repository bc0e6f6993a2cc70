import { TypeError, ValueError } from '../../errors.js';
import type { HostValue } from '../../graph/host_value.js';
import type { NDArray } from '../../graph/ndarray.js';
import type { Operation } from '../../graph/operation.js';
import type { Tensor } from '../../graph/tensor.js';
import { constant } from '../array/const.js';
import { identity } from '../array/identity.js';
import { constantValue } from '../core/apply.js';
import {
  graphOf,
  symbolicOf,
  type TensorConvertible,
  type TensorLike,
} from '../core/tensor_like.js';
import { traceBody } from './branch.js';
import { GraphFunction } from './graph_function.js';
import { addIf, mostSpecificCompatibleShape } from './if_builder.js';
import { assertSameStructure, packSequenceAs } from './nest.js';

/** What a cond or loop returns for a branch result of type T: its structure, with tensor leaves. */
export type Nested<T> = T extends
  Tensor | Operation | TensorConvertible | NDArray | ArrayBufferView | number | boolean | string
  ? Tensor
  : T extends readonly unknown[]
    ? { -readonly [K in keyof T]: Nested<T[K]> }
    : T extends object
      ? { [K in keyof T]: Nested<T[K]> }
      : Tensor;

/** A cond's result: a one-element tuple comes back as its element unless `strict` (TF1). */
export type CondResult<T> = T extends readonly [infer U] ? Nested<U> : Nested<T>;

export interface CondOptions {
  /** TF1's `strict`: when false (default) a one-element list result comes back as its element. */
  strict?: boolean;
  name?: string;
}

/** A predicate as a bool tensor; TF's error for another dtype. */
export function toPredicate(pred: TensorLike, op = 'If'): Tensor {
  const t = symbolicOf(pred) ?? constant(pred as HostValue, { dtype: 'bool', name: 'pred' });
  if (t.dtype !== 'bool') {
    throw new TypeError(
      `Input 'pred' of '${op}' Op has type ${t.dtype} that does not match expected type of bool.`,
    );
  }
  return t;
}

/**
 * TF1's tf.cond, built as TF's functional If: `trueFn` and `falseFn` are traced into branch
 * graphs (their ops named under `cond/`), outer tensors they use become inputs of the If, and
 * a run executes only the taken branch. Both must return the same structure and dtypes; the
 * result's static shapes are what the branches agree on. A JS boolean `pred` picks a branch at
 * build time (TF's smart_cond) and returns its result as is. Differentiable (an If over the
 * branches' gradients).
 * @example const y = tf.cond(tf.less(x, 0), () => tf.negative(x), () => x)
 */
export function cond<const A, const B = A>(
  pred: boolean,
  trueFn: () => A,
  falseFn: () => B,
  nameOrOptions?: string | CondOptions,
): A | B;
export function cond<const A, const B = A>(
  pred: TensorLike,
  trueFn: () => A,
  falseFn: () => B,
  nameOrOptions?: string | CondOptions,
): CondResult<A | B>;
export function cond<const A, const B = A>(
  pred: TensorLike,
  trueFn: () => A,
  falseFn: () => B,
  nameOrOptions: string | CondOptions = {},
): A | B | CondResult<A | B> {
  const o = typeof nameOrOptions === 'string' ? { name: nameOrOptions } : nameOrOptions;
  if (typeof trueFn !== 'function') throw new TypeError("'true_fn' must be callable.");
  if (typeof falseFn !== 'function') throw new TypeError("'false_fn' must be callable.");
  if (typeof pred === 'boolean') return pred ? trueFn() : falseFn();
  const p = toPredicate(pred);
  const graph = graphOf([p]);
  return graph.asDefault(() =>
    graph.nameScope(o.name ?? 'cond', (scope) => {
      const scopeName = scope.slice(0, -1);
      const unpackSingleton = !o.strict;
      const t = traceBody(`${scopeName}_true`, graph, scopeName, trueFn, "'true_fn'", {
        pivot: p,
        unpackSingleton,
      });
      const f = traceBody(`${scopeName}_false`, graph, scopeName, falseFn, "'false_fn'", {
        pivot: p,
        unpackSingleton,
      });
      try {
        assertSameStructure(t.structure, f.structure);
      } catch (e) {
        if (e instanceof ValueError)
          throw new ValueError(
            `Incompatible return values of 'true_fn' and 'false_fn': ${e.message}`,
          );
        throw e;
      }
      if (t.outputs.length === 0)
        throw new ValueError("'true_fn' and 'false_fn' must return at least one result.");
      t.outputs.forEach((x, i) => {
        const y = f.outputs[i]!;
        if (x.dtype !== y.dtype) {
          throw new ValueError(
            `Outputs of 'true_fn' and 'false_fn' must have the same type(s). Received ${x.dtype} from 'true_fn' and ${y.dtype} from 'false_fn'.`,
          );
        }
      });
      // Both branches take every captured tensor (each ignores the other's), as TF2's cond does.
      const outer: Tensor[] = [];
      for (const c of [...t.graph.captures, ...f.graph.captures])
        if (!outer.includes(c.outer)) outer.push(c.outer);
      const fnOf = (b: typeof t, name: string): GraphFunction => {
        const inputs = b.graph.asDefault(() => outer.map((x) => b.graph.capture(x)));
        return new GraphFunction({
          name,
          graph: b.graph,
          inputs,
          outputs: b.outputs,
          numCaptures: inputs.length,
        });
      };
      const thenFn = fnOf(t, t.graph.name);
      const elseFn = fnOf(f, f.graph.name);
      const control = [...new Set([...t.graph.controlCaptures, ...f.graph.controlCaptures])];
      const shapes = t.outputs.map((x, i) =>
        mostSpecificCompatibleShape(x.shape, f.outputs[i]!.shape),
      );
      const op = addIf(graph, p, outer, thenFn, elseFn, shapes, scope, control);
      const results = t.outputs.map((_, i) => identity(op.outputs[i]!, 'Identity'));
      return packSequenceAs(t.structure, results) as CondResult<A | B>;
    }),
  );
}

/**
 * TF's smart_cond: with a JS boolean or a tensor whose value is known while building, calls the
 * chosen function directly (no If, its result as is); otherwise tf.cond.
 * @example const y = tf.smartCond(training, () => tf.nn.dropout(x, {rate: 0.5}), () => x)
 */
export function smartCond<const A, const B = A>(
  pred: TensorLike,
  trueFn: () => A,
  falseFn: () => B,
  name?: string,
): A | B | CondResult<A | B> {
  if (typeof pred === 'boolean') return pred ? trueFn() : falseFn();
  const t = symbolicOf(pred);
  const known = t ? constantValue(t) : null;
  if (known && known.size === 1) return known.data[0] ? trueFn() : falseFn();
  return cond(pred, trueFn, falseFn, name);
}
