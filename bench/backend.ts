import * as tfc from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import * as wasm from '@tensorflow/tfjs-backend-wasm';
import { writeFileSync } from 'node:fs';
import { lowering, type LoweringRow } from './lowering.js';
import {
  measure,
  measureRounds,
  overheadPaired,
  type OverheadSample,
  type Timing,
} from './timing.js';
import { deconvData, deconvEager, deconvLayers, deconvTfgraph } from './workloads/deconv.js';
import { mlpData, mlpEager, mlpLayers, mlpTfgraph } from './workloads/mlp.js';
import type { Impl, Runner } from './workloads/runner.js';
import {
  compile500,
  emptyRun,
  tensorCount,
  type CompileResult,
  type EmptyRunResult,
  type TensorCountResult,
} from './workloads/session_costs.js';
import { w1Eager, w1Input, w1Layers, w1Tfgraph } from './workloads/w1.js';

/**
 * One backend's measurements, in one process: `tsx bench/backend.ts <backend> <out.json>
 * [--quick]`. bench/run.ts runs it once per backend and writes bench/RESULTS.md.
 */

export interface Measured {
  workload: string;
  phase: 'train' | 'infer';
  impl: Impl;
  timing: Timing | null;
  note?: string;
}

export interface Overhead extends OverheadSample {
  workload: string;
  phase: 'train' | 'infer';
  impl: Impl;
}

export interface BackendResult {
  backend: string;
  wasmThreads: number | null;
  quick: boolean;
  lowering: LoweringRow[];
  measured: Measured[];
  overhead: Overhead[];
  explain: { step: string; type: string; lowering: string }[];
  compile: CompileResult;
  empty: EmptyRunResult;
  tensors: TensorCountResult;
  leakedTensors: number;
  totalMs: number;
}

const [backend, out] = process.argv.slice(2) as [string, string];
const quick = process.argv.includes('--quick');
const log = (s: string): void => void process.stderr.write(`[${backend}] ${s}\n`);

/** Runs one step to see whether an implementation can train at all on this backend. */
async function canRun(fn: () => unknown): Promise<string | null> {
  try {
    await fn();
    return null;
  } catch (e) {
    return (e as Error).message.split('\n')[0] ?? String(e);
  }
}

async function main(): Promise<void> {
  const t0 = performance.now();
  if (!(await tfc.setBackend(backend))) throw new Error(`backend ${backend} did not initialise`);
  const wasmThreads = backend === 'wasm' ? wasm.getThreadsCount() : null;
  const start = tfc.memory().numTensors;
  const slow = backend === 'cpu';
  const measured: Measured[] = [];
  const overhead: Overhead[] = [];
  const pairs = (n: number): number => (quick ? 3 : n);
  const add = (workload: string, phase: 'train' | 'infer', timings: Map<string, Timing>): void => {
    for (const [impl, timing] of timings)
      measured.push({ workload, phase, impl: impl as Impl, timing });
  };

  log('lowering alternatives');
  const low = await lowering(backend, quick);

  log('conv2dTranspose three ways');
  {
    const d = deconvData();
    const g = await deconvTfgraph(backend, d);
    const e = deconvEager(d);
    const l = deconvLayers(d);
    const runs = quick ? 5 : slow ? 21 : 31;
    add(
      'conv2dTranspose',
      'infer',
      await measureRounds(
        [
          ['tfgraph', g.infer],
          ['eager', e.infer],
          ['layers', l.infer],
        ],
        { warmup: 2, runs },
      ),
    );
    overhead.push({
      workload: 'conv2dTranspose',
      phase: 'infer',
      impl: 'tfgraph',
      ...(await overheadPaired(g.infer, pairs(7))),
    });
    overhead.push({
      workload: 'conv2dTranspose',
      phase: 'infer',
      impl: 'eager',
      ...(await overheadPaired(e.infer, pairs(7))),
    });
    [g, e, l].forEach((r) => r.dispose());
    d.dy.dispose();
    d.w.dispose();
  }

  log('W1');
  {
    const x = w1Input();
    const g = await w1Tfgraph(backend, x);
    const eStock = w1Eager(x, 'stock');
    const eConv = w1Eager(x, 'conv-filter-grad');
    const l = w1Layers(x, true);
    const trainRuns = quick ? 3 : 20;
    const inferRuns = quick ? 5 : 20;
    add(
      'W1',
      'infer',
      await measureRounds(
        [
          ['tfgraph', g.infer],
          ['eager', eStock.infer],
          ['layers', l.infer],
        ],
        { warmup: 2, runs: inferRuns },
      ),
    );
    // Stock tfjs training needs tfjs' Conv2DBackpropFilter kernel: missing on wasm, a scalar loop
    // (tens of seconds per call) on cpu, where it is timed once.
    const stockNote = await stockTraining(eStock, l);
    add(
      'W1',
      'train',
      await measureRounds(
        [
          ['tfgraph', g.train!],
          ['eager-conv-grad', eConv.train!],
        ],
        { warmup: slow ? 1 : 2, runs: trainRuns },
      ),
    );
    measured.push(...stockNote);
    explainOut.push(...g.lowerings());
    log('W1 overhead (tf.profile)');
    const trainPairs = slow ? pairs(3) : pairs(9);
    overhead.push({
      workload: 'W1',
      phase: 'train',
      impl: 'tfgraph',
      ...(await overheadPaired(g.train!, trainPairs)),
    });
    overhead.push({
      workload: 'W1',
      phase: 'train',
      impl: 'eager-conv-grad',
      ...(await overheadPaired(eConv.train!, trainPairs)),
    });
    overhead.push({
      workload: 'W1',
      phase: 'infer',
      impl: 'tfgraph',
      ...(await overheadPaired(g.infer, pairs(9))),
    });
    overhead.push({
      workload: 'W1',
      phase: 'infer',
      impl: 'eager',
      ...(await overheadPaired(eStock.infer, pairs(9))),
    });
    [g, eStock, eConv, l].forEach((r) => r.dispose());
    x.dispose();

    async function stockTraining(e: Runner, layers: Runner): Promise<Measured[]> {
      const rows: Measured[] = [];
      for (const [impl, r] of [
        ['eager', e],
        ['layers', layers],
      ] as const) {
        if (tfc.getKernel('Conv2DBackpropFilter', backend) === undefined) {
          const err = await canRun(r.train!);
          rows.push({
            workload: 'W1',
            phase: 'train',
            impl,
            timing: null,
            note: `cannot train: ${err ?? 'no Conv2DBackpropFilter kernel'}`,
          });
        } else if (slow && quick) {
          rows.push({
            workload: 'W1',
            phase: 'train',
            impl,
            timing: null,
            note: 'skipped with --quick (stock Conv2DBackpropFilter: ~1 min per step)',
          });
        } else if (slow) {
          log(`W1 ${impl} stock training step (slow)`);
          rows.push({
            workload: 'W1',
            phase: 'train',
            impl,
            timing: await measure(r.train!, { warmup: 0, runs: 1 }),
            note: 'one step, no warm-up (stock Conv2DBackpropFilter)',
          });
        } else {
          rows.push({
            workload: 'W1',
            phase: 'train',
            impl,
            timing: await measure(r.train!, { warmup: 2, runs: quick ? 3 : 20 }),
          });
        }
      }
      return rows;
    }
  }

  log('MLP');
  {
    const d = mlpData();
    const g = await mlpTfgraph(backend, d);
    const e = mlpEager(d);
    const l = mlpLayers(d);
    const runs = quick ? 10 : 50;
    add(
      'MLP',
      'train',
      await measureRounds(
        [
          ['tfgraph', g.train!],
          ['eager', e.train!],
          ['layers', l.train!],
        ],
        { warmup: 3, runs },
      ),
    );
    add(
      'MLP',
      'infer',
      await measureRounds(
        [
          ['tfgraph', g.infer],
          ['eager', e.infer],
          ['layers', l.infer],
        ],
        { warmup: 3, runs },
      ),
    );
    overhead.push({
      workload: 'MLP',
      phase: 'train',
      impl: 'tfgraph',
      ...(await overheadPaired(g.train!, pairs(21))),
    });
    overhead.push({
      workload: 'MLP',
      phase: 'train',
      impl: 'eager',
      ...(await overheadPaired(e.train!, pairs(21))),
    });
    overhead.push({
      workload: 'MLP',
      phase: 'infer',
      impl: 'tfgraph',
      ...(await overheadPaired(g.infer, pairs(21))),
    });
    overhead.push({
      workload: 'MLP',
      phase: 'infer',
      impl: 'eager',
      ...(await overheadPaired(e.infer, pairs(21))),
    });
    [g, e, l].forEach((r) => r.dispose());
    d.x.dispose();
    d.labels.dispose();
  }

  log('Session costs');
  const compile = await compile500(backend, quick);
  const empty = await emptyRun(backend);
  const tensors = await tensorCount(backend, quick ? 200 : 1000);

  const result: BackendResult = {
    backend,
    wasmThreads,
    quick,
    lowering: low,
    measured,
    overhead,
    explain: explainOut,
    compile,
    empty,
    tensors,
    leakedTensors: tfc.memory().numTensors - start,
    totalMs: performance.now() - t0,
  };
  writeFileSync(out, JSON.stringify(result, null, 1));
}

const explainOut: { step: string; type: string; lowering: string }[] = [];

await main();
