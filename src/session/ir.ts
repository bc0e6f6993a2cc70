import type * as tfc from '@tensorflow/tfjs-core';
import { NotFoundError } from '../errors.js';
import type { DType } from '../graph/dtype.js';
import type { AttrMap, Operation } from '../graph/operation.js';
import type { TensorShape } from '../graph/shape.js';
import type { Tensor } from '../graph/tensor.js';
import { parseInputDecl, type OpRecord, type ParsedInputDecl } from '../ops/core/define.js';
import { getOpRecord } from '../ops/core/registry.js';
import { VARIABLE_OP_TYPES } from '../ops/state/variable_v2.js';

/**
 * The compiler's own representation of the pruned subgraph. The user's Graph is never
 * touched: passes take an IrGraph and return a new one, replacing nodes (a fused node, a
 * folded constant) and rewiring inputs.
 */

/** Where a value comes from: an output of a node, a fed tensor, or a variable read when needed. */
export type IrRef =
  | { readonly kind: 'out'; readonly node: string; readonly index: number }
  | { readonly kind: 'feed'; readonly tensor: Tensor }
  | { readonly kind: 'var'; readonly name: string; readonly tensor: Tensor };

export interface IrOutput {
  readonly dtype: DType;
  readonly shape: TensorShape;
}

export interface IrNode {
  /** Unique in its IrGraph: the graph op's name (a rewritten node keeps its last op's name). */
  readonly key: string;
  /** The op type, or the rewritten node's own ('_FusedConv2D', 'Const' for a folded value). */
  readonly type: string;
  readonly record: OpRecord;
  /** What the kernel receives; canonical attrs of `record`. */
  readonly attrs: AttrMap;
  /** The graph op whose context the kernel runs in (ctx.op) and that errors name. */
  readonly op: Operation;
  /** Schedule position: the graph op's creation index (creation order is topological). */
  readonly order: number;
  /** Non-ref inputs, in the kernel's order. */
  readonly inputs: readonly IrRef[];
  /** Nodes that must run before this one (control dependencies). */
  readonly control: readonly string[];
  readonly outputs: readonly IrOutput[];
  /** Graph op names this node computes: one, or several for a fused node. */
  readonly ops: readonly string[];
  /** For a folded constant: its values, owned by the plan. */
  readonly held?: readonly tfc.Tensor[];
  /** How a rewritten node runs, for explain (e.g. 'tfjs fused.conv2d, activation relu'). */
  readonly note?: string;
}

export interface IrGraph {
  /** In schedule order (ascending `order`). */
  readonly nodes: readonly IrNode[];
  readonly fetches: readonly IrRef[];
  /** Keys of nodes run for their effect. */
  readonly targets: readonly string[];
  readonly feeds: readonly Tensor[];
}

export const out = (node: string, index = 0): IrRef => ({ kind: 'out', node, index });

/** A string naming the value a ref points at (two refs to one value have one key). */
export function refKey(r: IrRef): string {
  if (r.kind === 'out') return `o:${r.node}:${r.index}`;
  if (r.kind === 'feed') return `f:${r.tensor.name}`;
  return `v:${r.name}`;
}

/** Flat input index -> declaration, expanding a list input to its actual length. */
export function inputDecls(record: OpRecord, op: Operation): ParsedInputDecl[] {
  const decls = record.inputs.map(parseInputDecl);
  const listLen = op.inputs.length - (decls.length - 1);
  return decls.flatMap((d) =>
    d.list ? new Array<ParsedInputDecl>(Math.max(listLen, 0)).fill(d) : [d],
  );
}

export function recordOf(op: Operation): OpRecord {
  const r = getOpRecord(op.type);
  if (!r)
    throw new NotFoundError(
      `Op type not registered '${op.type}' (needed by '${op.name}')`,
      op.name,
    );
  return r;
}

export interface BuiltIr {
  readonly graph: IrGraph;
  /** Placeholders the pruned subgraph needs that no feed provides (before any pass). */
  readonly unfedPlaceholders: readonly Operation[];
}

/**
 * Prunes the graph to the ops that `fetches` and `targets` need, given `feeds`, and returns
 * them as an IrGraph. A fed tensor cuts its upstream; a variable's output is not a node: each
 * consumer reads the variable when it runs, so it sees earlier assignments of the same run.
 */
export function buildIr(
  fetches: readonly Tensor[],
  targets: readonly Operation[],
  feeds: readonly Tensor[],
): BuiltIr {
  const fed = new Set(feeds);
  const needed = new Set<Operation>();
  const stack: Operation[] = [];
  const isVariableRead = (t: Tensor): boolean =>
    !fed.has(t) && VARIABLE_OP_TYPES.includes(t.op.type);
  const needTensor = (t: Tensor): void => {
    if (!fed.has(t) && !isVariableRead(t)) needOp(t.op);
  };
  function needOp(op: Operation): void {
    if (needed.has(op)) return;
    needed.add(op);
    stack.push(op);
  }
  fetches.forEach(needTensor);
  targets.forEach(needOp);
  while (stack.length > 0) {
    const op = stack.pop()!;
    const decls = inputDecls(recordOf(op), op);
    op.inputs.forEach((t, i) => {
      if (!decls[i]?.ref) needTensor(t);
    });
    // A control dependency on an op whose outputs are all fed is met by the feed (TF1 runs
    // `tf.tuple([placeholder])` with the placeholder fed).
    op.controlInputs.forEach((c) => {
      if (c.outputs.length === 0 || !c.outputs.every((t) => fed.has(t))) needOp(c);
    });
  }
  const ordered = [...needed].sort((a, b) => a.id - b.id);
  const ref = (t: Tensor): IrRef => {
    if (fed.has(t)) return { kind: 'feed', tensor: t };
    if (isVariableRead(t)) return { kind: 'var', name: t.op.name, tensor: t };
    return out(t.op.name, t.valueIndex);
  };
  const nodes = ordered.map((op): IrNode => {
    const record = recordOf(op);
    const decls = inputDecls(record, op);
    return {
      key: op.name,
      type: op.type,
      record,
      attrs: op.attrs,
      op,
      order: op.id,
      inputs: op.inputs.flatMap((t, i) => (decls[i]?.ref ? [] : [ref(t)])),
      control: op.controlInputs.filter((c) => needed.has(c)).map((c) => c.name),
      outputs: op.outputs.map((t) => ({ dtype: t.dtype, shape: t.shape })),
      ops: [op.name],
    };
  });
  return {
    graph: {
      nodes,
      fetches: fetches.map(ref),
      targets: targets.map((o) => o.name),
      feeds: [...feeds],
    },
    unfedPlaceholders: ordered.filter((op) => op.type === 'Placeholder'),
  };
}

/** Readers of each value (node inputs, in schedule order, and fetches). */
export interface Uses {
  readonly readers: ReadonlyMap<string, readonly IrNode[]>;
  readonly fetched: ReadonlySet<string>;
  /** Nodes that list a node as a control input. */
  readonly controlReaders: ReadonlyMap<string, readonly IrNode[]>;
}

export function uses(g: IrGraph): Uses {
  const readers = new Map<string, IrNode[]>();
  const controlReaders = new Map<string, IrNode[]>();
  const push = (m: Map<string, IrNode[]>, k: string, n: IrNode): void => {
    const l = m.get(k);
    if (l) l.push(n);
    else m.set(k, [n]);
  };
  for (const n of g.nodes) {
    for (const r of n.inputs) push(readers, refKey(r), n);
    for (const c of n.control) push(controlReaders, c, n);
  }
  return { readers, fetched: new Set(g.fetches.map(refKey)), controlReaders };
}

/** The only reader of a value, when it has exactly one (counting each input use) and is not fetched. */
export function soleReader(u: Uses, r: IrRef): IrNode | null {
  const k = refKey(r);
  if (u.fetched.has(k)) return null;
  const rs = u.readers.get(k) ?? [];
  if (rs.length !== 1) return null;
  return rs[0]!.inputs.filter((i) => refKey(i) === k).length === 1 ? rs[0]! : null;
}

/**
 * Rewires every use of a value to another (`values`: ref key -> replacement) and every control
 * dependency on a removed node to its stand-ins (`controls`: node key -> keys), transitively.
 */
export function rewire(
  g: IrGraph,
  values: ReadonlyMap<string, IrRef>,
  controls: ReadonlyMap<string, readonly string[]> = new Map(),
): IrGraph {
  const resolve = (r: IrRef): IrRef => {
    let cur = r;
    for (let seen = 0; seen < 10_000; seen++) {
      const next = values.get(refKey(cur));
      if (!next) return cur;
      cur = next;
    }
    return cur;
  };
  const resolveControl = (keys: readonly string[]): string[] => {
    const outKeys = new Set<string>();
    const visit = (k: string, depth: number): void => {
      const sub = controls.get(k);
      if (!sub || depth > 10_000) outKeys.add(k);
      else sub.forEach((s) => visit(s, depth + 1));
    };
    keys.forEach((k) => visit(k, 0));
    return [...outKeys];
  };
  const nodes = g.nodes.map((n) => ({
    ...n,
    inputs: n.inputs.map(resolve),
    control: resolveControl(n.control),
  }));
  return { ...g, nodes, fetches: g.fetches.map(resolve), targets: resolveControl(g.targets) };
}

/** Keeps the nodes the fetches and targets need (through inputs and control dependencies). */
export function deadCodeElimination(g: IrGraph): IrGraph {
  const byKey = new Map(g.nodes.map((n) => [n.key, n]));
  const live = new Set<string>();
  const stack: string[] = [];
  const need = (k: string): void => {
    if (!live.has(k) && byKey.has(k)) {
      live.add(k);
      stack.push(k);
    }
  };
  g.fetches.forEach((r) => r.kind === 'out' && need(r.node));
  g.targets.forEach(need);
  while (stack.length > 0) {
    const n = byKey.get(stack.pop()!)!;
    n.inputs.forEach((r) => r.kind === 'out' && need(r.node));
    n.control.forEach(need);
  }
  return { ...g, nodes: g.nodes.filter((n) => live.has(n.key)) };
}

/** Replaces nodes by key (a replacement may take a new order; the result is re-sorted). */
export function replaceNodes(g: IrGraph, replacements: ReadonlyMap<string, IrNode>): IrGraph {
  const nodes = g.nodes.map((n) => replacements.get(n.key) ?? n);
  return { ...g, nodes: [...nodes].sort((a, b) => a.order - b.order) };
}
