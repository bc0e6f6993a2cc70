import { loweringChoice, type LoweredOp } from '../src/ops/nn/lowering.js';
import type { BackendResult, Measured } from './backend.js';
import type { Timing } from './timing.js';

/** Renders bench/RESULTS.md from the per-backend results. */

export interface Machine {
  nproc: number;
  cpu: string;
  node: string;
  date: string;
  loadBefore: number[];
  loadAfter: number[];
  tfjs: { core: string; wasm: string; layers: string };
  quick: boolean;
}

const ms = (t: Timing | null | undefined): string =>
  t ? `${t.median < 10 ? t.median.toFixed(2) : t.median.toFixed(1)} ms (n=${t.n})` : '—';
const num = (x: number, d = 1): string => (Number.isFinite(x) ? x.toFixed(d) : '—');
const load = (l: number[]): string => l.map((x) => x.toFixed(2)).join(', ');

function find(
  r: BackendResult,
  workload: string,
  phase: string,
  impl: string,
): Measured | undefined {
  return r.measured.find((m) => m.workload === workload && m.phase === phase && m.impl === impl);
}

function med(r: BackendResult, workload: string, phase: string, impl: string): number {
  return find(r, workload, phase, impl)?.timing?.median ?? NaN;
}

interface Target {
  what: string;
  backend: string;
  measured: string;
  target: string;
  met: boolean | null;
}

function targets(results: BackendResult[]): Target[] {
  const out: Target[] = [];
  for (const r of results) {
    const b = r.backend;
    const g = med(r, 'W1', 'train', 'tfgraph');
    const eConv = med(r, 'W1', 'train', 'eager-conv-grad');
    const eStock = med(r, 'W1', 'train', 'eager');
    const lStock = med(r, 'W1', 'train', 'layers');
    if (b === 'wasm') {
      out.push({
        what: 'W1 training step',
        backend: b,
        measured: `${num(g)} ms`,
        target: '<= 260 ms',
        met: g <= 260,
      });
      const bestEager = Number.isFinite(eStock) ? Math.min(eStock, eConv) : eConv;
      out.push({
        what: 'W1 training step / best eager here',
        backend: b,
        measured: `${num(g / bestEager, 2)}x (eager ${num(bestEager)} ms)`,
        target: '<= 0.6x',
        met: g / bestEager <= 0.6,
      });
    }
    if (b === 'cpu') {
      out.push(
        Number.isFinite(lStock)
          ? {
              what: 'W1 training step / tfjs-layers trainOnBatch',
              backend: b,
              measured: `1/${num(lStock / g, 1)} (${num(g)} ms vs ${num(lStock)} ms)`,
              target: '<= 1/30',
              met: lStock / g >= 30,
            }
          : {
              what: 'W1 training step / tfjs-layers trainOnBatch',
              backend: b,
              measured: `${num(g)} ms; layers not timed (--quick)`,
              target: '<= 1/30',
              met: null,
            },
      );
    }
    for (const w of ['W1', 'MLP', 'conv2dTranspose']) {
      const ratio = med(r, w, 'infer', 'tfgraph') / med(r, w, 'infer', 'eager');
      out.push({
        what: `${w} inference / eager`,
        backend: b,
        measured: `${num(ratio, 2)}x`,
        target: '<= 0.9x',
        met: ratio <= 0.9,
      });
    }
    for (const o of r.overhead.filter((x) => x.impl === 'tfgraph')) {
      const over = o.wallMs / o.kernels.ms - 1;
      out.push({
        what: `Session overhead, ${o.workload} ${o.phase}`,
        backend: b,
        measured: `${num(over * 100, 1)}% (${num(o.wallMs)} ms wall, ${num(o.kernels.ms)} ms in ${o.kernels.kernels} kernels)`,
        target: '<= 5%',
        met: over <= 0.05,
      });
    }
    out.push({
      what: 'empty run (runSync of a NoOp)',
      backend: b,
      measured: `${num(r.empty.runSyncUs / 1000, 4)} ms (await run: ${num(r.empty.runAsyncUs / 1000, 4)} ms)`,
      target: '< 0.1 ms',
      met: r.empty.runSyncUs < 100,
    });
    out.push({
      what: `compile of a ${r.compile.ops}-op graph`,
      backend: b,
      measured: `${num(r.compile.compileMs)} ms`,
      target: '< 50 ms',
      met: r.compile.compileMs < 50,
    });
    const counts = r.tensors.counts.map((c) => c.tensors);
    const flat = counts.every((c) => c === counts[0]) && r.tensors.afterClose === r.tensors.before;
    out.push({
      what: `tensor count over ${r.tensors.steps} steps`,
      backend: b,
      measured: `${counts.join(' -> ')} (after close ${r.tensors.afterClose}, before ${r.tensors.before})`,
      target: 'flat',
      met: flat,
    });
  }
  return out;
}

const IMPLS = ['tfgraph', 'eager', 'eager-conv-grad', 'layers'] as const;

function workloadTable(r: BackendResult): string[] {
  const lines = [
    '| workload | phase | tfgraph | eager (stock) | eager, conv filter grad | tfjs-layers | tfgraph / eager |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  const rows: [string, 'train' | 'infer'][] = [
    ['W1', 'train'],
    ['W1', 'infer'],
    ['MLP', 'train'],
    ['MLP', 'infer'],
    ['conv2dTranspose', 'infer'],
  ];
  const notes: string[] = [];
  for (const [w, p] of rows) {
    const cells = IMPLS.map((i) => {
      const m = find(r, w, p, i);
      if (!m) return '';
      if (m.note) notes.push(`${w} ${p}, ${i}: ${m.note}.`);
      return m.timing ? ms(m.timing) + (m.note ? ' *' : '') : m.note ? 'n/a *' : '—';
    });
    const g = med(r, w, p, 'tfgraph');
    const e = med(r, w, p, 'eager');
    const ec = med(r, w, p, 'eager-conv-grad');
    const ratio = [
      Number.isFinite(e) ? `${num(g / e, 2)}x` : '',
      Number.isFinite(ec) ? `${num(g / ec, 2)}x (conv-grad eager)` : '',
    ]
      .filter((s) => s)
      .join(', ');
    lines.push(`| ${w} | ${p} | ${cells.join(' | ')} | ${ratio || '—'} |`);
  }
  if (notes.length) lines.push('', ...notes.map((n) => `\\* ${n}`));
  return lines;
}

function loweringTable(r: BackendResult): string[] {
  const lines = [
    '| op | implementation | time | note | table picks |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const row of r.lowering) {
    const pick = loweringChoice(row.op as LoweredOp, r.backend).impl;
    lines.push(
      `| ${row.op} | ${row.impl} | ${ms(row.timing)} | ${row.note ?? ''} | ${pick === row.impl ? `**${pick}**` : ''} |`,
    );
  }
  return lines;
}

function overheadTable(r: BackendResult): string[] {
  const lines = [
    '| workload | phase | impl | wall (median) | summed kernel time (median) | kernels | pairs | wall / kernels |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const o of r.overhead)
    lines.push(
      `| ${o.workload} | ${o.phase} | ${o.impl} | ${num(o.wallMs)} ms | ${num(o.kernels.ms)} ms | ${o.kernels.kernels} | ${o.n} | ${num(o.wallMs / o.kernels.ms, 3)} |`,
    );
  return lines;
}

/** What the numbers cannot say by themselves: how each implementation is built. */
export const NOTES: readonly string[] = [
  '## How to read this',
  '',
  '- tfgraph lowers ops per backend through one table, src/ops/nn/lowering.ts (the "table picks" column below; `session.explain` lists the choice per step). On wasm the transposed convolution (and the input gradient of strided convs) runs as the sub-pixel decomposition; on cpu it is tfjs\' own kernel. 2-D filter gradients are one forward convolution everywhere.',
  "- On cpu tfgraph runs the same tfjs kernels as the eager baseline with the conv-based filter gradient, so its time tracks that baseline (~1.0x): the 0.9x inference and 1/30 training targets need cpu kernels faster than tfjs' (its conv is im2col plus a JavaScript matmul).",
  "- Stock tfjs training (eager and tfjs-layers) needs tfjs' Conv2DBackpropFilter kernel: wasm has none, so both fail there; on cpu it is a scalar loop of about a minute per W1 step, timed once.",
  '- Session overhead is wall time over the summed kernel times of tf.profile, from interleaved pairs of plain and profiled runs; on a shared machine single medians move by several percent, so small negative values are noise.',
  "- Tensors left over by a whole process include the baselines' (failed stock training attempts on wasm leave their partial tensors); tfgraph's own count is the flat-tensor row.",
  '',
];

export function renderReport(m: Machine, results: BackendResult[]): string {
  const t = targets(results);
  const out: string[] = [
    '# tfgraph benchmarks',
    '',
    `Written by \`npm run bench${m.quick ? ' -- --quick' : ''}\` (bench/run.ts) on ${m.date}.`,
    '',
    `- Machine: ${m.nproc} cores (\`nproc\`), ${m.cpu}; Node ${m.node}.`,
    `- tfjs-core ${m.tfjs.core}, tfjs-backend-wasm ${m.tfjs.wasm}, tfjs-layers ${m.tfjs.layers}. wasm threads: ${results.find((r) => r.backend === 'wasm')?.wasmThreads ?? 'n/a'}.`,
    `- Load average (1, 5, 15 min) before: ${load(m.loadBefore)}; after: ${load(m.loadAfter)}. The machine is shared: with a load above the core count, absolute times are inflated (the interleaved rounds keep the ratios between implementations fair).`,
    `- Medians after warm-up; ${m.quick ? '--quick: few runs, for a smoke test only' : '>= 20 timed runs per training step (except where marked), implementations interleaved run by run'}. Every run reads its result back to the host.`,
    '- webgl is browser-only and is not measured here.',
    '',
    '## Targets (issue 6)',
    '',
    '| target | backend | measured | goal | met |',
    '| --- | --- | --- | --- | --- |',
    ...t.map(
      (x) =>
        `| ${x.what} | ${x.backend} | ${x.measured} | ${x.target} | ${x.met === null ? 'not measured' : x.met ? 'yes' : '**no**'} |`,
    ),
    '',
    'Reference: TensorFlow 1 (Python, oneDNN, 2 threads) runs the W1 step in 14 ms (issue 6): the long-term bar.',
    '',
    ...NOTES,
  ];
  for (const r of results) {
    out.push(
      `## ${r.backend}`,
      '',
      `Total time of this backend's run: ${num(r.totalMs / 1000, 0)} s; tensors left over by the whole process (baselines included): ${r.leakedTensors}.`,
      '',
      '### Workloads',
      '',
      ...workloadTable(r),
      '',
      "### Lowering alternatives (W1's conv2dTranspose layer and filter gradient)",
      '',
      ...loweringTable(r),
      '',
      '### Session overhead (tf.profile)',
      '',
      ...overheadTable(r),
      '',
      '### Lowerings session.explain reports for the W1 training plan',
      '',
      ...r.explain.map((e) => `- \`${e.step}\` (${e.type}): ${e.lowering}`),
      '',
      `Compile: ${r.compile.ops} ops (${r.compile.layers} dense layers + Adam), built in ${num(r.compile.buildMs)} ms; first run of a fresh session minus a steady run (${num(r.compile.steadyMs, 2)} ms) = ${num(r.compile.compileMs)} ms.`,
      '',
    );
  }
  return out.join('\n');
}
