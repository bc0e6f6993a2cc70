/**
 * The viewer page's own script, as the page runs it (plain browser JavaScript). It is kept as
 * text, not compiled from TypeScript, so that the page gets exactly this code under tsx and from
 * dist alike. It reads the graph from the #graph-data JSON block, groups ops into name scopes,
 * lays out the visible part with ELK (global `ELK`, inlined before it) and draws SVG.
 */
export const CLIENT_SCRIPT = String.raw`
'use strict';
const DATA = JSON.parse(document.getElementById('graph-data').textContent);
const SVG = 'http://www.w3.org/2000/svg';
const elk = new ELK();
const ctx = document.createElement('canvas').getContext('2d');

function textWidth(text, font) {
  ctx.font = font;
  return Math.ceil(ctx.measureText(text).width);
}

function el(tag, attrs, parent) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (parent) parent.appendChild(node);
  return node;
}

// ---- name scopes, grouped as TensorBoard does: an op named like a scope goes inside it ----
const prefixes = new Set();
for (const op of DATA.ops) {
  const parts = op.name.split('/');
  for (let i = 1; i < parts.length; i++) prefixes.add(parts.slice(0, i).join('/'));
}
const scopes = new Map();
function scopeOf(path) {
  let s = scopes.get(path);
  if (s) return s;
  const cut = path.lastIndexOf('/');
  const parent = path === '' ? null : scopeOf(cut < 0 ? '' : path.slice(0, cut));
  s = { path, label: path.slice(cut + 1), parent, scopes: [], ops: [], count: 0, params: 0 };
  scopes.set(path, s);
  if (parent) parent.scopes.push(s);
  return s;
}
const root = scopeOf('');
DATA.ops.forEach((op, i) => {
  op.id = 'op:' + i;
  const cut = op.name.lastIndexOf('/');
  op.scope = scopeOf(prefixes.has(op.name) ? op.name : cut < 0 ? '' : op.name.slice(0, cut));
  op.scope.ops.push(op);
  for (let s = op.scope; s; s = s.parent) {
    s.count += 1;
    s.params += op.params;
  }
});

const expanded = new Set(['']);

/** The drawn node an op belongs to: its outermost collapsed scope, or the op itself. */
function shownAs(op) {
  const chain = [];
  for (let s = op.scope; s; s = s.parent) chain.unshift(s);
  const closed = chain.find((s) => !expanded.has(s.path));
  return closed ? 'scope:' + closed.path : op.id;
}

// ---- the ELK graph of what is visible ----
const OP_FONT = '12px system-ui, sans-serif';
const SMALL_FONT = '10px system-ui, sans-serif';
const TITLE_FONT = 'bold 13px system-ui, sans-serif';
const items = new Map(); // ELK id -> { kind: 'op' | 'closed' | 'open', op?, scope? }

function opNode(op) {
  const label = op.name.slice(op.name.lastIndexOf('/') + 1);
  items.set(op.id, { kind: 'op', op, label });
  return { id: op.id, width: Math.max(textWidth(label, OP_FONT), textWidth(op.type, SMALL_FONT)) + 20, height: 36 };
}

function plural(n, word) {
  return n.toLocaleString('en-US') + ' ' + word + (n === 1 ? '' : 's');
}

function scopeCaption(s) {
  return plural(s.count, 'op') + (s.params ? ' · ' + plural(s.params, 'param') : '');
}

function scopeNode(s) {
  const id = 'scope:' + s.path;
  if (!expanded.has(s.path)) {
    items.set(id, { kind: 'closed', scope: s });
    const sub = scopeCaption(s);
    return { id, width: Math.max(textWidth(s.label, TITLE_FONT) + 24, textWidth(sub, SMALL_FONT)) + 20, height: 44 };
  }
  items.set(id, { kind: 'open', scope: s });
  return {
    id,
    layoutOptions: { 'elk.padding': '[top=30,left=12,bottom=12,right=12]' },
    children: childrenOf(s),
    edges: [],
  };
}

function childrenOf(s) {
  return [...s.scopes.map(scopeNode), ...s.ops.map(opNode)];
}

/** The innermost open scope holding an ELK node: where ELK wants an edge between two nodes. */
function parentScope(id) {
  const item = items.get(id);
  return item.kind === 'op' ? item.op.scope : item.scope.parent;
}

function commonScope(a, b) {
  const seen = new Set();
  for (let s = parentScope(a); s; s = s.parent) seen.add(s);
  for (let s = parentScope(b); s; s = s.parent) if (seen.has(s)) return s;
  return root;
}

function buildGraph() {
  items.clear();
  const top = { id: 'scope:', layoutOptions: LAYOUT, children: childrenOf(root), edges: [] };
  const containers = new Map([['', top]]);
  (function index(node) {
    for (const c of node.children || []) {
      if (c.children) containers.set(items.get(c.id).scope.path, c);
      index(c);
    }
  })(top);
  const edges = new Map();
  DATA.ops.forEach((op) => {
    const target = shownAs(op);
    const add = (src, shape, control) => {
      const source = shownAs(DATA.ops[src]);
      if (source === target) return;
      const key = source + '>' + target;
      const e = edges.get(key);
      if (!e) edges.set(key, { source, target, shape, control });
      else if (!control) {
        // A data edge wins over control edges between the same nodes; the first shape labels it.
        e.control = false;
        e.shape = e.shape || shape;
      }
    };
    for (const [src, index] of op.inputs) add(src, DATA.ops[src].shapes[index] || '', false);
    for (const src of op.control) add(src, '', true);
  });
  let n = 0;
  for (const e of edges.values()) {
    const edge = { id: 'edge:' + n++, sources: [e.source], targets: [e.target], control: e.control };
    if (!e.control && e.shape) edge.labels = [{ text: e.shape, width: textWidth(e.shape, SMALL_FONT) + 4, height: 12 }];
    containers.get(commonScope(e.source, e.target).path).edges.push(edge);
  }
  return top;
}

const LAYOUT = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  'elk.edgeRouting': 'POLYLINE',
  'elk.layered.spacing.nodeNodeBetweenLayers': '36',
  'elk.spacing.nodeNode': '18',
  'elk.spacing.edgeLabel': '2',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.json.shapeCoords': 'ROOT',
  'elk.json.edgeCoords': 'ROOT',
};

// ---- drawing ----
const svg = document.getElementById('canvas');
const viewport = document.getElementById('viewport');
let view = { x: 0, y: 0, k: 1 };
let size = { width: 0, height: 0 };

function applyView() {
  viewport.setAttribute('transform', 'translate(' + view.x + ',' + view.y + ') scale(' + view.k + ')');
}

function fit() {
  const box = svg.getBoundingClientRect();
  const k = Math.min(1.5, (box.width - 20) / size.width, (box.height - 20) / size.height);
  view = { k, x: (box.width - size.width * k) / 2, y: Math.max(10, (box.height - size.height * k) / 2) };
  applyView();
}

function toggle(path) {
  if (expanded.has(path)) {
    for (const p of [...expanded]) if (p === path || p.startsWith(path + '/')) expanded.delete(p);
  } else expanded.add(path);
  update(false);
}

function drawNode(node, layers) {
  const item = items.get(node.id);
  const { x, y, width: w, height: h } = node;
  if (item.kind === 'open') {
    const g = el('g', { class: 'scope open', 'data-scope': item.scope.path }, layers.scopes);
    el('rect', { x, y, width: w, height: h, rx: 6 }, g);
    el('text', { x: x + 10, y: y + 19, class: 'title' }, g).textContent = '− ' + item.scope.label;
    el('title', {}, g).textContent = item.scope.path + ' (click to collapse)';
    g.addEventListener('click', (ev) => {
      ev.stopPropagation();
      if (!dragged) toggle(item.scope.path);
    });
  } else if (item.kind === 'closed') {
    const s = item.scope;
    const g = el('g', { class: 'scope closed', 'data-scope': s.path }, layers.nodes);
    el('rect', { x, y, width: w, height: h, rx: 6 }, g);
    el('text', { x: x + w / 2, y: y + 18, class: 'title' }, g).textContent = '+ ' + s.label;
    const sub = scopeCaption(s);
    el('text', { x: x + w / 2, y: y + 34, class: 'sub' }, g).textContent = sub;
    el('title', {}, g).textContent = s.path + ' (click to expand)';
    g.addEventListener('click', (ev) => {
      ev.stopPropagation();
      if (!dragged) toggle(s.path);
    });
  } else {
    const op = item.op;
    const g = el('g', { class: 'op ' + category(op), 'data-op': op.name }, layers.nodes);
    el('rect', { x, y, width: w, height: h, rx: h / 2 }, g);
    // 'Conv2D' of type Conv2D says its type once.
    const typed = item.label !== op.type;
    el('text', { x: x + w / 2, y: y + (typed ? 16 : 22), class: 'name' }, g).textContent = item.label;
    if (typed) el('text', { x: x + w / 2, y: y + 29, class: 'sub' }, g).textContent = op.type;
    const known = op.shapes.filter((shape) => shape !== '');
    const shapes = known.length ? '\n' + known.join(', ') : '';
    el('title', {}, g).textContent = op.name + ' (' + op.type + ')' + shapes + (op.params ? '\n' + plural(op.params, 'param') : '');
  }
  for (const c of node.children || []) drawNode(c, layers);
  for (const e of node.edges || []) drawEdge(e, layers);
}

function category(op) {
  if (op.params || op.type.startsWith('Variable') || op.type === 'VarHandleOp') return 'variable';
  if (op.type === 'Const') return 'const';
  if (op.type.startsWith('Placeholder')) return 'input';
  return 'compute';
}

function drawEdge(e, layers) {
  for (const s of e.sections || []) {
    const pts = [s.startPoint, ...(s.bendPoints || []), s.endPoint];
    const d = pts.map((p, i) => (i ? 'L' : 'M') + p.x + ' ' + p.y).join(' ');
    el('path', { d, class: e.control ? 'edge control' : 'edge', 'marker-end': 'url(#arrow)' }, layers.edges);
  }
  for (const l of e.labels || []) {
    el('text', { x: l.x + l.width / 2, y: l.y + l.height - 2, class: 'shape' }, layers.edges).textContent = l.text;
  }
}

let layouts = 0;
let requested = 0;
async function update(refit) {
  const ticket = ++requested;
  try {
    const laid = await elk.layout(buildGraph());
    // Clicks faster than the layout: only the latest state is drawn.
    if (ticket !== requested) return;
    viewport.replaceChildren();
    const layers = { scopes: el('g', {}, viewport), edges: el('g', {}, viewport), nodes: el('g', {}, viewport) };
    for (const c of laid.children) drawNode(c, layers);
    for (const e of laid.edges) drawEdge(e, layers);
    size = { width: laid.width, height: laid.height };
    if (refit) fit();
    document.body.dataset.layouts = String(++layouts);
  } catch (err) {
    document.getElementById('error').textContent = 'Layout failed: ' + err;
    console.error(err);
  }
}

// ---- pan and zoom ----
let drag = null;
let dragged = false;
svg.addEventListener('pointerdown', (ev) => {
  drag = { x: ev.clientX, y: ev.clientY, vx: view.x, vy: view.y };
  dragged = false;
});
window.addEventListener('pointermove', (ev) => {
  if (!drag) return;
  const dx = ev.clientX - drag.x;
  const dy = ev.clientY - drag.y;
  if (Math.abs(dx) + Math.abs(dy) > 3) dragged = true;
  view.x = drag.vx + dx;
  view.y = drag.vy + dy;
  applyView();
});
window.addEventListener('pointerup', () => {
  drag = null;
});
svg.addEventListener('wheel', (ev) => {
  ev.preventDefault();
  const box = svg.getBoundingClientRect();
  const px = ev.clientX - box.left;
  const py = ev.clientY - box.top;
  const k = Math.min(4, Math.max(0.05, view.k * Math.exp(-ev.deltaY * 0.0015)));
  view = { k, x: px - ((px - view.x) * k) / view.k, y: py - ((py - view.y) * k) / view.k };
  applyView();
}, { passive: false });
document.getElementById('fit').addEventListener('click', fit);

update(true);
`;
