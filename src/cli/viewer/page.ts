import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { OpInfo } from '../../graph/scope_tree.js';
import type { TensorShape } from '../../graph/shape.js';
import { CLIENT_SCRIPT } from './client.js';
import { STYLES } from './styles.js';

/** One op as the page's script reads it (indices into the op list instead of names). */
export interface ViewerOp {
  name: string;
  type: string;
  /** [producer index, output index] per data input. */
  inputs: [number, number][];
  control: number[];
  /** Edge labels of the outputs ('?×28×28×1'; '' when unknown). */
  shapes: string[];
  params: number;
}

/** A shape as an edge label: TensorBoard's '?×28×28×1', 'scalar'; none for an unknown rank. */
export function edgeLabel(shape: TensorShape): string {
  if (shape.dims === null) return '';
  if (shape.dims.length === 0) return 'scalar';
  return shape.dims.map((d) => (d === null ? '?' : String(d))).join('×');
}

export function viewerData(ops: readonly OpInfo[]): ViewerOp[] {
  const index = new Map(ops.map((op, i) => [op.name, i]));
  return ops.map((op) => ({
    name: op.name,
    type: op.type,
    // An input naming a node missing from the file cannot be drawn.
    inputs: op.inputs.flatMap(([src, i]): [number, number][] =>
      index.has(src) ? [[index.get(src)!, i]] : [],
    ),
    control: op.controlInputs.flatMap((c) => (index.has(c) ? [index.get(c)!] : [])),
    shapes: op.outputs.map(edgeLabel),
    params: op.variable?.shape.size ?? 0,
  }));
}

/** elkjs' browser bundle (layout runs in the page, without a web worker). */
function elkBundle(): string {
  const require = createRequire(import.meta.url);
  return readFileSync(require.resolve('elkjs/lib/elk.bundled.js'), 'utf8');
}

/** Text that may sit inside a <script> element: it must not close it early. */
function scriptSafe(js: string): string {
  return js.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * A self-contained HTML page (no network) showing the graph: name scopes as boxes that expand
 * on click, op types, tensor shapes on edges, laid out by ELK in the page, with pan and zoom.
 */
export function renderViewerPage(
  ops: readonly OpInfo[],
  options: { title: string; subtitle?: string },
): string {
  // JSON in a script block: '<' escaped so no op name can end the block.
  const data = JSON.stringify({ ops: viewerData(ops) }).replace(/</g, '\\u003c');
  const title = escapeHtml(options.title);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · tfgraph</title>
<style>${STYLES}</style>
</head>
<body>
<header>
  <strong>${title}</strong>
  <span>${escapeHtml(options.subtitle ?? '')}</span>
  <span class="hint">click a scope to expand or collapse it · drag to pan · wheel to zoom</span>
  <button id="fit" type="button">Fit</button>
</header>
<div id="error" role="alert"></div>
<svg id="canvas" xmlns="http://www.w3.org/2000/svg">
  <defs>
    <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
      <path d="M0 0 L10 5 L0 10 z"></path>
    </marker>
  </defs>
  <g id="viewport"></g>
</svg>
<script id="graph-data" type="application/json">${data}</script>
<script>${scriptSafe(elkBundle())}</script>
<script>${scriptSafe(CLIENT_SCRIPT)}</script>
</body>
</html>
`;
}
