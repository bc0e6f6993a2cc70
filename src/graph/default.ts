import { AssertionError, RuntimeError } from '../errors.js';
import { Graph } from './graph.js';

/** The default-graph stack; the global default graph is created on first use. */
let globalDefault: Graph | null = null;
const stack: Graph[] = [];

/** The innermost `asDefault` graph, else the global one. @example tf.getDefaultGraph().getOperations() */
export function getDefaultGraph(): Graph {
  const top = stack[stack.length - 1];
  if (top) return top;
  globalDefault ??= new Graph();
  return globalDefault;
}

export function pushDefaultGraph(g: Graph): void {
  stack.push(g);
}

/** Removes `g`'s innermost entry; async blocks may settle out of order, so not only the top. */
export function popDefaultGraph(g: Graph): void {
  const i = stack.lastIndexOf(g);
  if (i < 0) throw new RuntimeError('Nesting violated for default stack of Graph objects');
  stack.splice(i, 1);
}

/**
 * Clears the global default graph; TF forbids this inside a `with graph.as_default()` block
 * (Python's AssertionError, as TF raises).
 * @example tf.resetDefaultGraph()
 */
export function resetDefaultGraph(): void {
  if (stack.length > 0) {
    throw new AssertionError('Do not use tf.reset_default_graph() to clear nested graphs. If you need a cleared graph, exit the nesting and create a new graph.');
  }
  globalDefault = null;
}
