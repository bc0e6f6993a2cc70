import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BackendResult } from './backend.js';
import { renderReport, type Machine } from './report.js';

/**
 * `npm run bench [-- --quick] [-- --backends=cpu,wasm]`: runs bench/backend.ts once per
 * backend (each in its own process, so one backend's kernels and caches cannot affect the
 * other's), then writes bench/RESULTS.md. Never part of the test suite. webgl needs a browser
 * and is not run here.
 */

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const backendsArg = args.find((a) => a.startsWith('--backends='));
const backends = backendsArg ? backendsArg.slice('--backends='.length).split(',') : ['wasm', 'cpu'];
const outFile =
  args.find((a) => a.startsWith('--out='))?.slice('--out='.length) ?? join('bench', 'RESULTS.md');

function cpuModel(): string {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    if (line) return line.split(':')[1]!.trim();
  } catch {
    // not Linux
  }
  return cpus()[0]?.model ?? 'unknown';
}

function tfjsVersion(pkg: string): string {
  try {
    const json = JSON.parse(readFileSync(join('node_modules', pkg, 'package.json'), 'utf8')) as {
      version: string;
    };
    return json.version;
  } catch {
    return 'not installed';
  }
}

const dir = mkdtempSync(join(tmpdir(), 'tfgraph-bench-'));
const loadBefore = loadavg();
const started = new Date();
const results: BackendResult[] = [];
for (const backend of backends) {
  const file = join(dir, `${backend}.json`);
  const t0 = performance.now();
  process.stderr.write(
    `== ${backend}${quick ? ' (quick)' : ''}, load ${loadavg()[0]!.toFixed(2)}\n`,
  );
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', join('bench', 'backend.ts'), backend, file, ...(quick ? ['--quick'] : [])],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  if (r.status !== 0) {
    process.stderr.write(`backend ${backend} failed (exit ${r.status})\n`);
    process.exitCode = 1;
    continue;
  }
  results.push(JSON.parse(readFileSync(file, 'utf8')) as BackendResult);
  process.stderr.write(`== ${backend} done in ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
}
rmSync(dir, { recursive: true, force: true });

const machine: Machine = {
  nproc: cpus().length,
  cpu: cpuModel(),
  node: process.version,
  date: started.toISOString(),
  loadBefore,
  loadAfter: loadavg(),
  tfjs: {
    core: tfjsVersion('@tensorflow/tfjs-core'),
    wasm: tfjsVersion('@tensorflow/tfjs-backend-wasm'),
    layers: tfjsVersion('@tensorflow/tfjs-layers'),
  },
  quick,
};
writeFileSync(outFile, renderReport(machine, results));
process.stderr.write(`wrote ${outFile}\n`);
