import {
  buildScopeTree,
  consumerIndex,
  countParams,
  scopeOutputShapes,
  type OpInfo,
  type ScopeNode,
} from '../graph/scope_tree.js';
import { formatCount, shapesCell } from '../graph/summary.js';
import type { InspectedGraph } from './load.js';

export interface InspectOptions {
  /** Levels of name scopes to show; scopes at the last level are one line each (default 2). */
  depth?: number;
  /** The first line's subject (the file name). */
  title?: string;
}

type Row = readonly [name: string, kind: string, shapes: string, params: string];

/**
 * The text report of `tfgraph inspect`: ops grouped by name scope, indented by depth, with
 * op types (or op counts for a collapsed scope), output shapes and parameter counts.
 */
export function formatInspection(inspected: InspectedGraph, options: InspectOptions = {}): string {
  const { ops } = inspected;
  const depth = Math.max(1, options.depth ?? 2);
  const root = buildScopeTree(ops);
  const consumers = consumerIndex(ops);
  const byName = new Map(ops.map((op) => [op.name, op]));
  const order = new Map(ops.map((op, i) => [op, i]));
  const rows: Row[] = [['Name', 'Type', 'Output shape', 'Params']];

  const children = (scope: ScopeNode): (ScopeNode | OpInfo)[] => {
    const first = (e: ScopeNode | OpInfo): number => order.get('path' in e ? e.allOps[0]! : e) ?? 0;
    return [...scope.ops, ...scope.scopes].sort((a, b) => first(a) - first(b));
  };
  const visit = (scope: ScopeNode, level: number): void => {
    const indent = '  '.repeat(level - 1);
    for (const e of children(scope)) {
      if ('path' in e) {
        const params = countParams(e.allOps).total;
        const shapes = shapesCell(scopeOutputShapes(e, consumers, byName));
        rows.push([
          `${indent}${e.label}/`,
          plural(e.allOps.length, 'op'),
          shapes,
          params ? formatCount(params) : '',
        ]);
        if (level < depth) visit(e, level + 1);
      } else {
        const label = e.name.slice(e.name.lastIndexOf('/') + 1);
        const params = e.variable?.shape.size ?? 0;
        rows.push([
          `${indent}${label}`,
          e.type,
          e.outputs.map((s) => s.toString()).join(', '),
          params ? formatCount(params) : '',
        ]);
      }
    }
  };
  visit(root, 1);

  const widths = [0, 1, 2].map((c) => Math.max(...rows.map((r) => r[c]!.length)));
  const paramWidth = Math.max(...rows.map((r) => r[3].length));
  const table = rows.map((r, i) => {
    const cells = [0, 1, 2].map((c) => r[c]!.padEnd(widths[c]!)).join('  ');
    // Counts right-aligned; the header left-aligned over them.
    return `${cells}  ${i === 0 ? r[3] : r[3].padStart(paramWidth)}`.trimEnd();
  });

  const c = countParams(ops);
  const nVars = ops.filter((op) => op.variable).length;
  const lines = [
    `${options.title ?? 'graph'}: ${plural(ops.length, 'op')}, ${plural(nVars, 'variable')}, ${plural(c.total, 'parameter')}`,
    '',
    ...table,
    '',
  ];
  if (c.total === 0) lines.push('Total params: 0');
  else if (c.unknown === c.total)
    lines.push(
      `Total params: ${formatCount(c.total)} (a GraphDef does not record which variables are trainable)`,
    );
  else
    lines.push(
      `Total params: ${formatCount(c.total)} (trainable ${formatCount(c.trainable)}, non-trainable ${formatCount(c.nonTrainable)})`,
    );
  lines.push(...notes(inspected));
  return `${lines.join('\n')}\n`;
}

function plural(n: number, word: string): string {
  return `${formatCount(n)} ${word}${n === 1 ? '' : 's'}`;
}

/** Lines saying what could not be imported and so has no inferred shapes. */
export function notes(inspected: InspectedGraph): string[] {
  const out: string[] = [];
  if (inspected.unknownTypes.size > 0) {
    const list = [...inspected.unknownTypes].map(
      ([type, names]) => `${type} (${names.length === 1 ? names[0] : `${names.length} nodes`})`,
    );
    out.push(`Op types tfgraph does not know: ${list.join(', ')}.`);
  }
  if (inspected.importError !== null)
    out.push(`Could not import the graph: ${inspected.importError}`);
  if (inspected.notImported > 0) {
    out.push(
      `${formatCount(inspected.notImported)} of ${formatCount(inspected.ops.length)} ops are shown from their NodeDefs: shapes only where the file records _output_shapes.`,
    );
  }
  return out;
}
