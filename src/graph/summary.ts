import type { Graph } from './graph.js';
import {
  buildScopeTree,
  consumerIndex,
  countParams,
  opsOfGraph,
  scopeOutputShapes,
  type OpInfo,
  type ScopeNode,
} from './scope_tree.js';
import type { TensorShape } from './shape.js';

export interface GraphSummaryOptions {
  /** Print the table with console.log (default true); it is returned either way. */
  print?: boolean;
  /** Total width of the table (default 80). */
  lineLength?: number;
}

/** Right edges of the columns as fractions of the width: scope, ops, output shape, params. */
const EDGES = [0.4, 0.5, 0.83, 1];

/** '1,234' as Keras prints counts. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** A scope's output shapes for a table cell: the first one, and how many more there are. */
export function shapesCell(shapes: readonly TensorShape[]): string {
  if (shapes.length === 0) return '';
  const first = shapes[0]!.toString();
  return shapes.length === 1 ? first : `${first} +${shapes.length - 1} more`;
}

function row(fields: readonly string[], edges: readonly number[]): string {
  let line = '';
  fields.forEach((f, i) => {
    const edge = edges[i]!;
    const room = edge - line.length - (i === fields.length - 1 ? 0 : 1);
    line += f.length > room ? `${f.slice(0, Math.max(0, room - 1))}…` : f;
    if (i < fields.length - 1) line += ' '.repeat(Math.max(1, edge - line.length));
  });
  return line;
}

/** The first column of a top-level entry: 'x (Placeholder)' for a lone op, 'encoder/' for a scope. */
function entryName(node: ScopeNode | OpInfo): string {
  return 'path' in node ? `${node.path}/` : `${node.name} (${node.type})`;
}

/**
 * A Keras-like table of a graph: one row per top-level name scope (or op outside any scope)
 * with its op count, the shapes it hands on to the rest of the graph, and the parameters of
 * its variables; then total, trainable and non-trainable parameter counts.
 * @example const table = graphSummary(tf.getDefaultGraph(), {print: false})
 */
export function graphSummary(graph: Graph, options: GraphSummaryOptions = {}): string {
  return formatGraphSummary(opsOfGraph(graph), options);
}

/** graphSummary over ops already extracted (the CLI builds them from a GraphDef). */
export function formatGraphSummary(
  ops: readonly OpInfo[],
  options: GraphSummaryOptions = {},
): string {
  const width = options.lineLength ?? 80;
  const edges = EDGES.map((p) => Math.floor(width * p));
  const root = buildScopeTree(ops);
  const consumers = consumerIndex(ops);
  const byName = new Map(ops.map((op) => [op.name, op]));
  // Top-level entries in graph order: lone root ops and scopes, by their first op.
  const entries: (ScopeNode | OpInfo)[] = [...root.ops, ...root.scopes];
  const firstIndex = new Map(ops.map((op, i) => [op, i]));
  const firstOf = (e: ScopeNode | OpInfo): number =>
    firstIndex.get('path' in e ? e.allOps[0]! : e) ?? 0;
  entries.sort((a, b) => firstOf(a) - firstOf(b));

  const lines = [
    `Graph: ${formatCount(ops.length)} ops`,
    '_'.repeat(width),
    row(['Scope', 'Ops', 'Output Shape', 'Param #'], edges),
    '='.repeat(width),
  ];
  entries.forEach((e, i) => {
    const scope: ScopeNode =
      'path' in e
        ? e
        : { path: e.name, label: e.name, depth: 1, scopes: [], ops: [e], allOps: [e] };
    const params = countParams(scope.allOps).total;
    const shapes = shapesCell(scopeOutputShapes(scope, consumers, byName));
    lines.push(
      row([entryName(e), formatCount(scope.allOps.length), shapes, formatCount(params)], edges),
    );
    lines.push((i === entries.length - 1 ? '=' : '_').repeat(width));
  });
  if (entries.length === 0) lines.push('='.repeat(width));
  const c = countParams(ops);
  lines.push(`Total params: ${formatCount(c.total)}`);
  lines.push(`Trainable params: ${formatCount(c.trainable)}`);
  lines.push(`Non-trainable params: ${formatCount(c.nonTrainable)}`);
  if (c.unknown > 0) lines.push(`Params in no variable collection: ${formatCount(c.unknown)}`);
  lines.push('_'.repeat(width));
  const text = lines.join('\n');
  if (options.print ?? true) console.log(text);
  return text;
}
