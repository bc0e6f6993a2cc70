import { TypeError, ValueError } from '../../errors.js';
import type { Graph } from '../../graph/graph.js';
import type { HostValue } from '../../graph/host_value.js';
import { Operation } from '../../graph/operation.js';
import type { Tensor } from '../../graph/tensor.js';
import { constant } from '../array/const.js';
import { identity } from '../array/identity.js';
import { symbolicOf } from '../core/tensor_like.js';
import { FuncGraph } from './func_graph.js';
import { flatten, isStructure } from './nest.js';

export interface TracedBody {
  readonly graph: FuncGraph;
  /** What the function returned (its structure; leaves as returned). */
  readonly structure: unknown;
  /** The structure's leaves as tensors of `graph`. */
  readonly outputs: Tensor[];
}

/**
 * Traces `fn` into a new FuncGraph named `name` whose ops live under `scope` and converts the
 * leaves of its result to tensors there: outer tensors and Variables are captured, host values
 * become constants, and an Operation becomes `pivot` (TF1's cond returns the predicate with a
 * control dependency on it; null: operations are not allowed). `what` names the function in
 * errors ("'true_fn'").
 */
export function traceBody(
  name: string,
  outer: Graph,
  scope: string,
  fn: (...args: Tensor[]) => unknown,
  what: string,
  options: {
    args?: (g: FuncGraph) => Tensor[];
    pivot?: Tensor | null;
    unpackSingleton?: boolean;
  } = {},
): TracedBody & { readonly args: Tensor[] } {
  if (typeof fn !== 'function') throw new TypeError(`${what} must be callable.`);
  const graph = new FuncGraph(name, outer, scope);
  return graph.trace(() => {
    const args = options.args ? options.args(graph) : [];
    let structure = fn(...args);
    if (isThenable(structure))
      throw new TypeError(
        `${what} must not be async: control flow branches and bodies are traced synchronously.`,
      );
    if (structure === undefined || structure === null)
      throw new ValueError(`${what} must have a return value.`);
    if (options.unpackSingleton && Array.isArray(structure) && structure.length === 1)
      structure = structure[0];
    const outputs = flatten(structure).map((leaf) =>
      toBodyTensor(graph, leaf, options.pivot ?? null, what),
    );
    return { graph, structure, outputs, args };
  });
}

function toBodyTensor(graph: FuncGraph, leaf: unknown, pivot: Tensor | null, what: string): Tensor {
  if (leaf instanceof Operation) {
    if (!pivot)
      throw new TypeError(
        `${what} returned the Operation '${leaf.name}'; only tensors can be returned here.`,
      );
    // TF1's cond turns a returned op into the predicate, computed after the op.
    const p = graph.capture(pivot);
    return graph.controlDependencies([leaf], () => identity(p));
  }
  const t = symbolicOf(leaf);
  if (t) return graph.capture(t);
  if (leaf === undefined || leaf === null || typeof leaf === 'function' || isStructure(leaf)) {
    throw new TypeError(
      `${what} returned ${leaf === null ? 'null' : typeof leaf} where a tensor was expected.`,
    );
  }
  return constant(leaf as HostValue);
}

function isThenable(x: unknown): boolean {
  return (
    typeof x === 'object' && x !== null && typeof (x as { then?: unknown }).then === 'function'
  );
}
