import { NotFoundError } from '../errors.js';
import type { Graph } from '../graph/graph.js';
import type { Operation } from '../graph/operation.js';
import type { Tensor } from '../graph/tensor.js';
import { parseInputDecl, type OpRecord, type ParsedInputDecl } from '../ops/core/define.js';
import { getOpRecord } from '../ops/core/registry.js';
import { VARIABLE_OP_TYPES } from '../ops/state/variable_v2.js';

export interface Step {
  readonly op: Operation;
  readonly record: OpRecord;
  /**
   * Where each non-ref input comes from, in order: a value slot, or a variable's name when the
   * input is a variable's output (read when this step runs, so it sees earlier assignments).
   */
  readonly inputs: readonly Source[];
  /** Value slot of each output, or -1 when nothing in the plan reads it. */
  readonly outputs: readonly number[];
  /** Slots whose last reader is this step: freed right after it. */
  readonly free: readonly number[];
}

/** A value slot, or the name of a variable read at the moment it is needed. */
export type Source = number | string;

export interface Plan {
  readonly steps: readonly Step[];
  readonly numSlots: number;
  readonly feedSlots: ReadonlyMap<Tensor, number>;
  readonly fetchSlots: readonly Source[];
  /** Placeholders the plan needs that no feed provides (the run must fail before starting). */
  readonly unfedPlaceholders: readonly Operation[];
  /** Fed slots that no step reads and no fetch returns: freed before the first step. */
  readonly unreadFeeds: readonly number[];
}

/** Flat input index -> declaration, expanding a list input to its actual length. */
export function inputDecls(record: OpRecord, op: Operation): ParsedInputDecl[] {
  const decls = record.inputs.map(parseInputDecl);
  const listLen = op.inputs.length - (decls.length - 1);
  return decls.flatMap((d) => (d.list ? new Array<ParsedInputDecl>(Math.max(listLen, 0)).fill(d) : [d]));
}

export function recordOf(op: Operation): OpRecord {
  const r = getOpRecord(op.type);
  if (!r) throw new NotFoundError(`Op type not registered '${op.type}' (needed by '${op.name}')`, op.name);
  return r;
}

/**
 * Compiles the ops that `fetches` and `targets` need, given `feeds`, into a Plan. A fed tensor
 * cuts its upstream; the graph is append-only, so creation order is a topological order.
 */
export function compile(graph: Graph, fetches: readonly Tensor[], targets: readonly Operation[], feeds: readonly Tensor[]): Plan {
  const fed = new Set(feeds);
  const needed = new Set<Operation>();
  const stack: Operation[] = [];
  // A variable's output is not a step: each consumer reads the variable when it runs.
  const isVariableRead = (t: Tensor): boolean => !fed.has(t) && VARIABLE_OP_TYPES.includes(t.op.type);
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

  const slotOf = new Map<Tensor, number>();
  const slot = (t: Tensor): number => {
    let s = slotOf.get(t);
    if (s === undefined) {
      s = slotOf.size;
      slotOf.set(t, s);
    }
    return s;
  };
  const feedSlots = new Map<Tensor, number>();
  for (const t of feeds) feedSlots.set(t, slot(t));

  const source = (t: Tensor): Source => (isVariableRead(t) ? t.op.name : slot(t));
  const readers: { op: Operation; record: OpRecord; inputs: Source[] }[] = ordered.map((op) => {
    const record = recordOf(op);
    const decls = inputDecls(record, op);
    const inputs = op.inputs.flatMap((t, i) => (decls[i]?.ref ? [] : [source(t)]));
    return { op, record, inputs };
  });
  const fetchSlots = fetches.map(source);

  const lastUse = new Map<number, number>();
  readers.forEach((r, i) => r.inputs.forEach((s) => typeof s === 'number' && lastUse.set(s, i)));
  const pinned = new Set(fetchSlots.filter((s): s is number => typeof s === 'number'));

  const steps: Step[] = readers.map((r) => {
    const outputs = r.op.outputs.map((t) => {
      if (fed.has(t)) return -1;
      const s = slotOf.get(t);
      return s === undefined ? -1 : s;
    });
    return { op: r.op, record: r.record, inputs: r.inputs, outputs, free: [] as number[] };
  });
  for (const [s, i] of lastUse) {
    if (!pinned.has(s)) (steps[i]!.free as number[]).push(s);
  }
  // Fed values nothing reads are freed before the first step.
  const unreadFeeds = [...feedSlots.values()].filter((s) => !lastUse.has(s) && !pinned.has(s));
  const unfedPlaceholders = ordered.filter((op) => op.type === 'Placeholder');
  return { steps, numSlots: slotOf.size, feedSlots, fetchSlots, unfedPlaceholders, unreadFeeds };
}
