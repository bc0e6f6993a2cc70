import type { Graph } from './graph.js';

/**
 * graph/ cannot import the GraphDef writer (it needs the op registry), so io/graph_def.ts
 * registers it here when loaded; Graph.asGraphDef calls through.
 */
let exporter: ((g: Graph) => unknown) | null = null;

export function setGraphDefExporter(fn: (g: Graph) => unknown): void {
  exporter = fn;
}

export function exportGraphDef(g: Graph): unknown {
  if (!exporter) throw new Error('tfgraph: the GraphDef writer is not loaded (import from the tfgraph entry point)');
  return exporter(g);
}
