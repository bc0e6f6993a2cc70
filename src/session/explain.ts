import type { Plan } from './compile.js';
import type { RunStats } from './execute.js';
import type { PeakEstimate } from './memory.js';
import { tensorBytes } from './passes/constant_folding.js';
import type { PassReport } from './passes/index.js';

export interface FusedGroup {
  /** The fused step (named after the chain's last op). */
  readonly step: string;
  readonly type: string;
  /** The graph ops it computes, in order. */
  readonly ops: readonly string[];
  readonly lowering: string;
}

export interface Lowering {
  readonly step: string;
  readonly type: string;
  readonly lowering: string;
}

/**
 * What `session.explain` reports of a plan; `toString()` is the printed form.
 * @example console.log(sess.explain(trainOp, feed, {print: false}).passes.map((p) => p.name))
 */
export interface PlanExplanation {
  readonly fetches: readonly string[];
  readonly feeds: readonly string[];
  readonly backend: string;
  /** Ops in the pruned subgraph before any pass, and steps in the final plan. */
  readonly opsBefore: number;
  readonly opsAfter: number;
  readonly passes: readonly PassReport[];
  readonly fusedGroups: readonly FusedGroup[];
  /** Steps whose kernel chooses an implementation for the backend (op records' `lowering`). */
  readonly lowerings: readonly Lowering[];
  readonly steps: readonly { readonly name: string; readonly type: string }[];
  /** Values the plan holds (folded constants). */
  readonly constants: { readonly count: number; readonly bytes: number };
  /** Peak live bytes from shapes (refined by the feeds' shapes when a feed dict is given). */
  readonly estimatedPeak: PeakEstimate;
  /** What the last run of this plan measured, if it ran. */
  readonly lastRun: RunStats | null;
  toString(): string;
}

export function explainPlan(
  plan: Plan,
  what: { fetches: readonly string[]; feeds: readonly string[] },
  estimatedPeak: PeakEstimate,
  lastRun: RunStats | null,
): PlanExplanation {
  const backend = plan.backendName;
  const fusedGroups: FusedGroup[] = plan.steps
    .filter((s) => s.ops.length > 1)
    .map((s) => ({
      step: s.name,
      type: s.type,
      ops: s.ops,
      lowering: s.record.lowering?.(s.attrs, backend) ?? s.note ?? '',
    }));
  // Fused steps report their kernel under fusedGroups.
  const lowerings: Lowering[] = plan.steps.flatMap((s) => {
    const l = s.ops.length > 1 ? undefined : s.record.lowering?.(s.attrs, backend);
    return l === undefined ? [] : [{ step: s.name, type: s.type, lowering: l }];
  });
  const constants = {
    count: plan.constants.length,
    bytes: plan.constants.reduce((n, t) => n + tensorBytes(t), 0),
  };
  const e: Omit<PlanExplanation, 'toString'> = {
    ...what,
    backend,
    opsBefore: plan.prunedOps,
    opsAfter: plan.steps.length,
    passes: plan.passes,
    fusedGroups,
    lowerings,
    steps: plan.steps.map((s) => ({ name: s.name, type: s.type })),
    constants,
    estimatedPeak,
    lastRun,
  };
  return { ...e, toString: () => format(e) };
}

function format(e: Omit<PlanExplanation, 'toString'>): string {
  const lines: string[] = [];
  lines.push(
    `Plan for [${e.fetches.join(', ')}]${e.feeds.length ? ` feeding [${e.feeds.join(', ')}]` : ''} on ${e.backend}`,
  );
  lines.push(`  ${e.opsBefore} ops after pruning -> ${e.opsAfter} steps`);
  lines.push('Passes:');
  const width = Math.max(...e.passes.map((p) => p.name.length));
  for (const p of e.passes) {
    const counts = p.enabled
      ? `${p.opsBefore} -> ${p.opsAfter} ops, ${p.rewrites.length} rewrites`
      : 'off';
    lines.push(`  ${p.name.padEnd(width)}  ${counts}`);
    for (const r of p.rewrites) lines.push(`      ${r}`);
  }
  if (e.fusedGroups.length) {
    lines.push('Fused groups:');
    for (const f of e.fusedGroups)
      lines.push(`  ${f.type} '${f.step}' = ${f.ops.join(' + ')}: ${f.lowering}`);
  }
  if (e.lowerings.length) {
    lines.push('Lowerings:');
    for (const l of e.lowerings) lines.push(`  ${l.type} '${l.step}': ${l.lowering}`);
  }
  lines.push('Memory:');
  const p = e.estimatedPeak;
  lines.push(
    `  estimated peak live bytes: ${p.complete ? '' : '>= '}${p.bytes} (after '${p.step}')${p.complete ? '' : ' (some sizes unknown: feed values to refine them)'}`,
  );
  if (e.lastRun)
    lines.push(`  last run: peak ${e.lastRun.peakBytes} bytes (after '${e.lastRun.peakStep}')`);
  lines.push(`  plan constants: ${e.constants.count} tensors, ${e.constants.bytes} bytes`);
  lines.push(`Steps (${e.steps.length}):`);
  e.steps.forEach((s, i) => lines.push(`  ${String(i).padStart(4)}  ${s.name}  ${s.type}`));
  return lines.join('\n');
}
