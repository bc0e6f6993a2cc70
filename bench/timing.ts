import * as tfc from '@tensorflow/tfjs-core';

/** Timing helpers: warm-up excluded, medians, and summed kernel time from tf.profile. */

export interface Timing {
  /** Median wall time of the timed runs, ms. */
  median: number;
  min: number;
  /** Timed runs (after warm-up). */
  n: number;
}

export interface MeasureOptions {
  warmup: number;
  runs: number;
  /** Stop adding timed runs once this much time (ms) is spent (at least `minRuns` are done). */
  budgetMs?: number;
  minRuns?: number;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Times `fn` (sync or async); its work must be complete (values read back) when it returns. */
export async function measure(fn: () => unknown, o: MeasureOptions): Promise<Timing> {
  for (let i = 0; i < o.warmup; i++) await fn();
  const times: number[] = [];
  const start = performance.now();
  for (let i = 0; i < o.runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
    const spent = performance.now() - start;
    if (o.budgetMs !== undefined && spent > o.budgetMs && times.length >= (o.minRuns ?? 1)) break;
  }
  return { median: median(times), min: Math.min(...times), n: times.length };
}

export interface KernelSum {
  /** Median over the profiled runs of the summed kernel times, ms. */
  ms: number;
  /** Kernel calls per run. */
  kernels: number;
}

/** Sums the kernel times tf.profile reports for one run of `fn`; median over `runs` runs. */
export async function kernelSum(fn: () => unknown, runs: number): Promise<KernelSum> {
  const sums: number[] = [];
  let kernels = 0;
  for (let i = 0; i < runs; i++) {
    const info = await tfc.profile(async () => {
      await fn();
    });
    // Ops built with customGrad (tfjs' fused.conv2d) appear as a scope wrapping their kernel:
    // count backend kernels only, or their time is counted twice.
    const backend = tfc.getBackend();
    const real = info.kernels.filter((k) => tfc.getKernel(k.name, backend) !== undefined);
    let s = 0;
    for (const k of real) s += typeof k.kernelTimeMs === 'number' ? k.kernelTimeMs : 0;
    sums.push(s);
    kernels = real.length;
  }
  return { ms: median(sums), kernels };
}

/** Runs fn with console.warn silenced (tfjs warns when a gradient is re-registered). */
export function quietly<T>(fn: () => T): T {
  const warn = console.warn;
  console.warn = () => undefined;
  try {
    return fn();
  } finally {
    console.warn = warn;
  }
}

/**
 * Times several implementations in interleaved rounds (one run of each per round), so a change
 * of machine load during the measurement hits them alike. Warm-up rounds are excluded.
 */
export async function measureRounds(
  fns: readonly (readonly [string, () => unknown])[],
  o: { warmup: number; runs: number },
): Promise<Map<string, Timing>> {
  const times = new Map<string, number[]>(fns.map(([n]) => [n, []]));
  for (let r = 0; r < o.warmup + o.runs; r++) {
    for (const [name, fn] of fns) {
      const t0 = performance.now();
      await fn();
      const dt = performance.now() - t0;
      if (r >= o.warmup) times.get(name)!.push(dt);
    }
  }
  const out = new Map<string, Timing>();
  for (const [name, ts] of times)
    out.set(name, { median: median(ts), min: Math.min(...ts), n: ts.length });
  return out;
}

export interface OverheadSample {
  /** Median wall time of the unprofiled runs, ms. */
  wallMs: number;
  kernels: KernelSum;
  n: number;
}

/**
 * Wall time against summed kernel time, sampled in pairs (one plain run, then one profiled
 * run) so that both see the same machine load; medians of each.
 */
export async function overheadPaired(fn: () => unknown, n: number): Promise<OverheadSample> {
  await fn();
  const walls: number[] = [];
  const sums: number[] = [];
  let kernels = 0;
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    walls.push(performance.now() - t0);
    const k = await kernelSum(fn, 1);
    sums.push(k.ms);
    kernels = k.kernels;
  }
  return { wallMs: median(walls), kernels: { ms: median(sums), kernels }, n };
}
