import type * as tfc from '@tensorflow/tfjs-core';
import { ValueError } from '../errors.js';
import type { Graph } from '../graph/graph.js';
import type { AttrMap, Operation } from '../graph/operation.js';
import type { Tensor } from '../graph/tensor.js';
import type { OpRecord } from '../ops/core/define.js';
import { buildIr, out, refKey, type IrGraph, type IrOutput, type IrRef } from './ir.js';
import { runPasses, type PassReport } from './passes/index.js';

export { inputDecls, recordOf } from './ir.js';

export interface Step {
  /** The graph op whose context the kernel runs in; errors name it. */
  readonly op: Operation;
  readonly name: string;
  /** The op type, or a rewritten node's ('_FusedConv2D', 'Const' for a folded value). */
  readonly type: string;
  readonly record: OpRecord;
  readonly attrs: AttrMap;
  /**
   * Where each non-ref input comes from, in order: a value slot, or a variable's name when the
   * input is a variable's output (read when this step runs, so it sees earlier assignments).
   */
  readonly inputs: readonly Source[];
  /** Value slot of each output, or -1 when nothing in the plan reads it. */
  readonly outputs: readonly number[];
  /** Slots whose last reader is this step: freed right after it. */
  readonly free: readonly number[];
  /** Graph ops this step computes: one, or several for a fused step. */
  readonly ops: readonly string[];
  /** How a rewritten step runs, for explain. */
  readonly note?: string;
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
  /** Static dtype and shape of each slot's value, and of each variable a step reads. */
  readonly slotInfo: readonly IrOutput[];
  readonly variableInfo: ReadonlyMap<string, IrOutput>;
  /** Values computed at compile time (folded constants), owned by the plan until dispose(). */
  readonly constants: readonly tfc.Tensor[];
  /** Each pass: on or off, ops before and after, what it rewrote. */
  readonly passes: readonly PassReport[];
  /** Ops in the pruned subgraph before any pass. */
  readonly prunedOps: number;
  readonly backendName: string;
  /** Frees the plan's constants; the plan must not run afterwards. */
  dispose(): void;
}

export interface CompileOptions {
  /** Passes switched by name (all on by default). */
  readonly optimize?: Readonly<Record<string, boolean>>;
  /** The backend the plan runs on (fusion checks what its fused kernels support); default cpu. */
  readonly backendName?: string;
}

/**
 * Compiles what `fetches` and `targets` need, given `feeds`, into a Plan: prune -> passes ->
 * schedule (creation order, which the graph's append-only ids make topological and which every
 * rewrite preserves) -> liveness (each value freed after its last reader; never feeds that are
 * fetched, variables, fetches). The user's `graph` is only read.
 */
export function compile(
  graph: Graph,
  fetches: readonly Tensor[],
  targets: readonly Operation[],
  feeds: readonly Tensor[],
  options: CompileOptions = {},
): Plan {
  for (const el of [...fetches, ...feeds, ...targets]) {
    if (el.graph !== graph)
      throw new ValueError(`${el.toString()} is not an element of the graph being compiled.`);
  }
  const built = buildIr(fetches, targets, feeds);
  const backendName = options.backendName ?? 'cpu';
  const { graph: ir, reports, held } = runPasses(built.graph, options.optimize ?? {}, backendName);
  return lower(ir, {
    unfedPlaceholders: built.unfedPlaceholders,
    passes: reports,
    prunedOps: built.graph.nodes.length,
    constants: held,
    backendName,
  });
}

function lower(
  g: IrGraph,
  extra: Pick<Plan, 'unfedPlaceholders' | 'passes' | 'prunedOps' | 'constants' | 'backendName'>,
): Plan {
  const byKey = new Map(g.nodes.map((n) => [n.key, n]));
  const slotOf = new Map<string, number>();
  const slotInfo: IrOutput[] = [];
  const variableInfo = new Map<string, IrOutput>();
  const infoOf = (r: IrRef): IrOutput => {
    if (r.kind !== 'out') return { dtype: r.tensor.dtype, shape: r.tensor.shape };
    return byKey.get(r.node)!.outputs[r.index]!;
  };
  const slot = (r: IrRef): number => {
    const k = refKey(r);
    let s = slotOf.get(k);
    if (s === undefined) {
      s = slotInfo.length;
      slotOf.set(k, s);
      slotInfo.push(infoOf(r));
    }
    return s;
  };
  const source = (r: IrRef): Source => {
    if (r.kind !== 'var') return slot(r);
    variableInfo.set(r.name, infoOf(r));
    return r.name;
  };
  const feedSlots = new Map<Tensor, number>();
  for (const t of g.feeds) feedSlots.set(t, slot({ kind: 'feed', tensor: t }));
  const inputs = g.nodes.map((n) => n.inputs.map(source));
  const fetchSlots = g.fetches.map(source);

  const lastUse = new Map<number, number>();
  inputs.forEach((ins, i) => ins.forEach((s) => typeof s === 'number' && lastUse.set(s, i)));
  const pinned = new Set(fetchSlots.filter((s): s is number => typeof s === 'number'));
  const steps: Step[] = g.nodes.map((n, i) => ({
    op: n.op,
    name: n.key,
    type: n.type,
    record: n.record,
    attrs: n.attrs,
    inputs: inputs[i]!,
    outputs: n.outputs.map((_, k) => slotOf.get(refKey(out(n.key, k))) ?? -1),
    free: [] as number[],
    ops: n.ops,
    ...(n.note === undefined ? {} : { note: n.note }),
  }));
  for (const [s, i] of lastUse) {
    if (!pinned.has(s)) (steps[i]!.free as number[]).push(s);
  }
  // Fed values nothing reads are freed before the first step.
  const unreadFeeds = [...feedSlots.values()].filter((s) => !lastUse.has(s) && !pinned.has(s));
  let disposed = false;
  return {
    steps,
    numSlots: slotInfo.length,
    feedSlots,
    fetchSlots,
    unreadFeeds,
    slotInfo,
    variableInfo,
    ...extra,
    dispose() {
      if (disposed) return;
      disposed = true;
      extra.constants.forEach((t) => t.dispose());
    },
  };
}
