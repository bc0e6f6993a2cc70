import { ValueError } from '../../errors.js';
import { getDefaultGraph } from '../../graph/default.js';
import type { Graph } from '../../graph/graph.js';
import type { HostValue } from '../../graph/host_value.js';
import { Tensor } from '../../graph/tensor.js';

/** Anything that stands for a tensor in an op (a Variable reads its value). */
export interface TensorConvertible {
  toTensor(): Tensor;
}

/** A list may mix tensors and host values: TF autopacks it (a Pack op) where one tensor is expected. */
export type TensorLike = Tensor | TensorConvertible | HostValue | readonly TensorLike[];

export function isTensorConvertible(x: unknown): x is TensorConvertible {
  return typeof x === 'object' && x !== null && !(x instanceof Tensor) && typeof (x as { toTensor?: unknown }).toTensor === 'function';
}

/** The symbolic tensor behind `x` if it is one (or a Variable), else null (a host value). */
export function symbolicOf(x: unknown): Tensor | null {
  if (x instanceof Tensor) return x;
  if (isTensorConvertible(x)) return x.toTensor();
  return null;
}

/**
 * The graph an op over these inputs belongs to: the one its symbolic inputs share (all of
 * them must share one), or the default graph when there are none. While a function body (a
 * cond branch, a loop body) is the default graph, tensors of its outer graphs count as its
 * own: the body captures them when the op is created.
 */
export function graphOf(values: readonly unknown[]): Graph {
  const def = getDefaultGraph();
  const home = (t: Tensor): Graph => {
    for (let g: Graph | null = def; g; g = g.outerGraph) if (g === t.graph) return def;
    return t.graph;
  };
  let found: Tensor | null = null;
  let foundGraph: Graph | null = null;
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) {
      v.forEach(visit);
      return;
    }
    const t = symbolicOf(v);
    if (!t) return;
    const g = home(t);
    if (found && foundGraph !== g) {
      throw new ValueError(`${t.toString()} must be from the same graph as ${found.toString()}.`);
    }
    found ??= t;
    foundGraph ??= g;
  };
  values.forEach(visit);
  return foundGraph ?? def;
}
