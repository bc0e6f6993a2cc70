import * as tfc from '@tensorflow/tfjs-core';
import { expect } from 'vitest';
import * as tf from '../../src/index.js';
import { gradients } from '../../src/ops/gradients.js';
import { randomArray } from './op_cases.js';

export interface GradInput {
  shape: number[];
  /** Values; random in [-1, 1) from the case's seed when omitted. */
  values?: ArrayLike<number>;
  /** Keep the input away from kinks (relu at 0, abs at 0): values in +-[lo, 1). */
  awayFromZero?: number;
}

export interface GradCase {
  /** The op type this row covers (for the coverage test). */
  opType: string;
  name: string;
  inputs: GradInput[];
  /** Builds y from placeholders for the inputs (differentiated w.r.t. all of them). */
  build: (...xs: tf.Tensor[]) => tf.Tensor;
  /** Indices of inputs not differentiated (integer inputs, axes). */
  constantInputs?: number[];
  eps?: number;
  tol?: number;
  seed?: number;
}

/**
 * DESIGN's gradcheck: L = sum(y * w) for a random w; the symbolic gradient (tf.gradients) along
 * random directions d must equal the central finite difference (L(x + eps d) - L(x - eps d)) / 2eps.
 */
export async function gradcheck(c: GradCase): Promise<void> {
  const seed = c.seed ?? 1;
  const values = c.inputs.map((inp, i) => {
    if (inp.values) return Float32Array.from(inp.values);
    const n = inp.shape.reduce((a, b) => a * b, 1);
    const v = randomArray(n, seed * 31 + i);
    if (inp.awayFromZero) for (let k = 0; k < n; k++) v[k] = Math.sign(v[k]! || 1) * (inp.awayFromZero + Math.abs(v[k]!) * (1 - inp.awayFromZero));
    return v;
  });
  const g = new tf.Graph();
  const before = tfc.memory().numTensors;
  await g.asDefault(async () => {
    const xs = c.inputs.map((inp, i) => tf.placeholder('float32', inp.shape, `x${i}`));
    const y = c.build(...xs);
    const sess = new tf.Session({ graph: g });
    const feed = (vals: Float32Array[]): [tf.Tensor, tf.NDArray][] => xs.map((x, i) => [x, new tf.NDArray('float32', c.inputs[i]!.shape, vals[i]!)]);
    const y0 = await sess.run(y, feed(values));
    const w = tf.constant(randomArray(y0.size, seed + 7), { shape: [...y0.shape] });
    const L = tf.reduceSum(tf.multiply(y, w));
    const diffIdx = xs.map((_, i) => i).filter((i) => !(c.constantInputs ?? []).includes(i));
    const grads = gradients(L, diffIdx.map((i) => xs[i]!));
    grads.forEach((gr, k) => {
      expect(gr, `${c.name}: gradient of input ${diffIdx[k]} is null`).not.toBeNull();
      expect(gr!.shape.isCompatibleWith(xs[diffIdx[k]!]!.shape), `${c.name}: grad shape ${gr!.shape.toString()} vs input ${xs[diffIdx[k]!]!.shape.toString()}`).toBe(true);
    });
    const gv = (await sess.run(grads as tf.Tensor[], feed(values))) as tf.NDArray[];
    const eps = c.eps ?? 1e-2;
    for (let trial = 0; trial < 3; trial++) {
      const dirs = diffIdx.map((i, k) => randomArray(values[i]!.length, seed * 101 + trial * 17 + k));
      const shifted = (sign: number): Float32Array[] =>
        values.map((v, i) => {
          const k = diffIdx.indexOf(i);
          if (k < 0) return v;
          return v.map((x, j) => x + sign * eps * dirs[k]![j]!);
        });
      const lp = (await sess.run(L, feed(shifted(1)))).item() as number;
      const lm = (await sess.run(L, feed(shifted(-1)))).item() as number;
      const numeric = (lp - lm) / (2 * eps);
      let analytic = 0;
      gv.forEach((gArr, k) => {
        const d = dirs[k]!;
        const data = gArr.data as Float32Array;
        for (let j = 0; j < d.length; j++) analytic += data[j]! * d[j]!;
      });
      const tol = c.tol ?? 2e-2;
      const scale = Math.max(1, Math.abs(numeric), Math.abs(analytic));
      expect(Math.abs(numeric - analytic) / scale, `${c.name}: numeric ${numeric} vs symbolic ${analytic} (trial ${trial})`).toBeLessThanOrEqual(tol);
    }
    sess.close();
  });
  expect(tfc.memory().numTensors).toBe(before);
}
