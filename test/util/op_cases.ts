import * as tfc from '@tensorflow/tfjs-core';
import { expect } from 'vitest';
import * as tf from '../../src/index.js';

export interface OpCase {
  name: string;
  /** Builds the op under test in a fresh default graph; returns the tensor to check. */
  build: () => tf.Tensor;
  /** Feeds by tensor name, for cases with placeholders. */
  feeds?: Record<string, unknown>;
  /** Expected static shape as TF prints it, e.g. '(?, 14, 14, 8)'. */
  staticShape?: string;
  /** Reference output computed independently in the test (flat, row-major) and its shape. */
  expected?: { shape: number[]; values: ArrayLike<number> | readonly boolean[] };
  dtype?: tf.DType;
  tol?: number;
  /** For error rows: the build (or run) must throw this. */
  throws?: RegExp;
  throwsClass?: new (...args: never[]) => Error;
  /** Which backend the Session runs on (default: the row runs on cpu, then again on wasm). */
  backend?: string;
}

/** The backends a row without `backend` runs on: every op works on each (issue 6). */
export const TABLE_BACKENDS: readonly string[] = ['cpu', 'wasm'];

/**
 * Runs one table row: the inferred static shape must agree with the kernel's output shape, the
 * values must match the independent reference, and the run must leak no tensors. A row that
 * names no backend runs on each of TABLE_BACKENDS (wasm within at least 1e-4).
 */
export async function runOpCase(c: OpCase): Promise<void> {
  if (c.backend !== undefined) return runOpCaseOn(c, c.backend);
  for (const backend of TABLE_BACKENDS) {
    await runOpCaseOn(backend === 'cpu' ? c : { ...c, name: `[${backend}] ${c.name}`, tol: Math.max(c.tol ?? 1e-5, 1e-4) }, backend);
  }
}

async function runOpCaseOn(c: OpCase, backend: string): Promise<void> {
  tf.resetDefaultGraph();
  const g = new tf.Graph();
  await g.asDefault(async () => {
    if (c.throws || c.throwsClass) {
      let err: unknown = null;
      try {
        const y = c.build();
        const sess = new tf.Session({ graph: g, backend });
        try {
          await sess.run(y, c.feeds as never);
        } finally {
          sess.close();
        }
      } catch (e) {
        err = e;
      }
      expect(err, `${c.name}: expected an error`).not.toBeNull();
      if (c.throws) expect((err as Error).message).toMatch(c.throws);
      if (c.throwsClass) expect(err).toBeInstanceOf(c.throwsClass);
      return;
    }
    const y = c.build();
    if (c.staticShape !== undefined) expect(y.shape.toString(), `${c.name}: static shape`).toBe(c.staticShape);
    if (c.dtype) expect(y.dtype).toBe(c.dtype);
    const before = tfc.memory().numTensors;
    const sess = new tf.Session({ graph: g, backend });
    await sess.run(tf.globalVariablesInitializer());
    const out = await sess.run(y, c.feeds as never);
    sess.close();
    expect(tfc.memory().numTensors, `${c.name}: leaked tensors`).toBe(before);
    expect(y.shape.isCompatibleWith(out.shape), `${c.name}: static ${y.shape.toString()} vs kernel ${JSON.stringify(out.shape)}`).toBe(true);
    if (c.expected) {
      expect(out.shape, `${c.name}: shape`).toEqual(c.expected.shape);
      expectClose(out.data as ArrayLike<number>, c.expected.values as ArrayLike<number>, c.tol ?? 1e-5, c.name);
    }
  });
}

/** Elementwise |a - b| <= tol * (1 + |b|), with the first mismatch in the message. */
export function expectClose(actual: ArrayLike<number> | readonly unknown[], expected: ArrayLike<number> | readonly unknown[], tol = 1e-5, what = 'values'): void {
  expect(actual.length, `${what}: length`).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const a = Number(actual[i]);
    const b = Number(expected[i]);
    if (Number.isNaN(b)) {
      expect(Number.isNaN(a), `${what}[${i}]: expected NaN, got ${a}`).toBe(true);
      continue;
    }
    if (!Number.isFinite(b)) {
      expect(a, `${what}[${i}]`).toBe(b);
      continue;
    }
    if (!(Math.abs(a - b) <= tol * (1 + Math.abs(b)))) {
      expect.fail(`${what}[${i}]: got ${a}, expected ${b} (tol ${tol})`);
    }
  }
}

/** A deterministic pseudo-random stream for test data (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `n` values uniform in [lo, hi) from `seed`. */
export function randomArray(n: number, seed: number, lo = -1, hi = 1): Float32Array {
  const r = rng(seed);
  return Float32Array.from({ length: n }, () => lo + (hi - lo) * r());
}
