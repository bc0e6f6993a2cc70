import { KeyError, TfError, TypeError, ValueError } from '../errors.js';
import type { Graph } from '../graph/graph.js';
import { Operation } from '../graph/operation.js';
import { pythonTypeName } from '../graph/pytype.js';
import { Tensor } from '../graph/tensor.js';

/**
 * A fetch structure flattened to unique graph elements, with a function that rebuilds the
 * user's nesting (arrays and plain objects) from their values.
 */
export interface FlatFetches {
  readonly tensors: Tensor[];
  readonly targets: Operation[];
  rebuild<V>(valueOf: (t: Tensor) => V): unknown;
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  if (typeof x !== 'object' || x === null) return false;
  const proto = Object.getPrototypeOf(x) as unknown;
  return proto === Object.prototype || proto === null;
}

export function flattenFetches(graph: Graph, fetches: unknown): FlatFetches {
  const tensors: Tensor[] = [];
  const targets: Operation[] = [];
  const resolveLeaf = (leaf: unknown): Tensor | Operation => {
    const shown = typeof leaf === 'string' ? `'${leaf}'` : String(leaf);
    if (leaf === null || leaf === undefined) {
      throw new TypeError(`Fetch argument ${shown} has invalid type <class 'NoneType'>`);
    }
    try {
      return graph.asGraphElement(leaf, { allowTensor: true, allowOperation: true });
    } catch (e) {
      // TF1 reports an unknown name as a ValueError; API.md makes it a KeyError (same wording).
      if (e instanceof KeyError) throw new KeyError(`Fetch argument ${shown} cannot be interpreted as a Tensor. (${e.message})`);
      if (e instanceof TypeError) {
        throw new TypeError(`Fetch argument ${shown} has invalid type <class '${pythonTypeName(leaf)}'>, must be a string or Tensor. (${e.message})`);
      }
      if (e instanceof TfError) throw new ValueError(`Fetch argument ${shown} cannot be interpreted as a Tensor. (${e.message})`);
      throw e;
    }
  };
  type Node = { kind: 'leaf'; el: Tensor | Operation } | { kind: 'array'; items: Node[] } | { kind: 'object'; entries: [string, Node][] };
  const build = (x: unknown): Node => {
    if (Array.isArray(x)) return { kind: 'array', items: x.map(build) };
    if (isPlainObject(x)) return { kind: 'object', entries: Object.entries(x).map(([k, v]) => [k, build(v)]) };
    const el = resolveLeaf(x);
    if (el instanceof Tensor) {
      if (!tensors.includes(el)) tensors.push(el);
    } else if (!targets.includes(el)) targets.push(el);
    return { kind: 'leaf', el };
  };
  const root = build(fetches);
  return {
    tensors,
    targets,
    rebuild<V>(valueOf: (t: Tensor) => V): unknown {
      const go = (n: Node): unknown => {
        if (n.kind === 'leaf') return n.el instanceof Operation ? null : valueOf(n.el);
        if (n.kind === 'array') return n.items.map(go);
        return Object.fromEntries(n.entries.map(([k, v]) => [k, go(v)]));
      };
      return go(root);
    },
  };
}
