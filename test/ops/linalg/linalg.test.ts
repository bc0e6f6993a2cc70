import { afterEach, describe, expect, it } from 'vitest';
import * as tf from '../../../src/index.js';
import { gradcheck } from '../../util/gradcheck.js';
import { expectClose, randomArray } from '../../util/op_cases.js';
import { GRAD_CASES } from './grad_cases.js';

afterEach(() => tf.resetDefaultGraph());

function matmulRef(a: number[], b: number[], m: number, k: number, n: number, transA = false): number[] {
  const out = new Array<number>(m * n).fill(0);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) for (let p = 0; p < k; p++) out[i * n + j]! += (transA ? a[p * m + i]! : a[i * k + p]!) * b[p * n + j]!;
  return out;
}

describe('linalg ops', () => {
  it('Qr: q has orthonormal columns, r is upper triangular, q r = a; shapes as TF', async () => {
    const a = tf.constant(randomArray(12, 3), { shape: [4, 3] });
    const [q, r] = tf.linalg.qr(a);
    expect(q.shape.toString()).toBe('(4, 3)');
    expect(r.shape.toString()).toBe('(3, 3)');
    expect(tf.linalg.qr(tf.placeholder('float32', [null, 5, 2]), { fullMatrices: true })[0].shape.toString()).toBe('(?, 5, 5)');
    const sess = new tf.Session();
    const [qv, rv, av] = await sess.run([q, r, a]);
    const Q = Array.from(qv.data as Float32Array);
    const R = Array.from(rv.data as Float32Array);
    expectClose(matmulRef(Q, R, 4, 3, 3), Array.from(av.data as Float32Array), 1e-5);
    expectClose(matmulRef(Q, Q, 3, 4, 3, true), [1, 0, 0, 0, 1, 0, 0, 0, 1], 1e-5);
    for (let i = 0; i < 3; i++) for (let j = 0; j < i; j++) expect(Math.abs(R[i * 3 + j]!)).toBeLessThan(1e-6);
    sess.close();
  });

  it('MatrixDiagPart, MatrixDiag and MatrixSetDiag', async () => {
    const m = tf.constant([[1, 2, 3], [4, 5, 6]]);
    const d = tf.linalg.diagPart(m);
    const sq = tf.linalg.diag([7, 8]);
    const set = tf.linalg.setDiag(m, [0, -1]);
    expect(d.shape.toString()).toBe('(2,)');
    expect(() => tf.linalg.setDiag(m, [1, 2, 3])).toThrow(/diagonal must have 2 entries/);
    const sess = new tf.Session();
    const [dv, sqv, setv] = await sess.run([d, sq, set]);
    expect(Array.from(dv.data as Float32Array)).toEqual([1, 5]);
    expect(Array.from(sqv.data as Float32Array)).toEqual([7, 0, 0, 8]);
    expect(Array.from(setv.data as Float32Array)).toEqual([0, 2, 3, 4, -1, 6]);
    sess.close();
  });

  it.each(GRAD_CASES)('gradcheck $name', async (c) => {
    await gradcheck(c);
  });
});

describe('orthogonalInitializer and reportUninitializedVariables', () => {
  it('makes orthonormal weights of any shape, scaled by gain, deterministic with seeds', async () => {
    tf.setRandomSeed(5);
    const w = tf.getVariable('w', { shape: [6, 4], initializer: tf.orthogonalInitializer({ gain: 2 }) });
    const wide = tf.getVariable('wide', { shape: [3, 5], initializer: tf.orthogonalInitializer() });
    const conv = tf.getVariable('conv', { shape: [2, 2, 3, 4], initializer: tf.orthogonalInitializer() });
    const sess = new tf.Session();
    await sess.run(tf.globalVariablesInitializer());
    const [wv, widev] = await sess.run([w, wide]);
    const W = Array.from(wv.data as Float32Array);
    // W^T W = gain^2 I for a tall matrix.
    expectClose(matmulRef(W, W, 4, 6, 4, true), [4, 0, 0, 0, 0, 4, 0, 0, 0, 0, 4, 0, 0, 0, 0, 4], 1e-4);
    const V = Array.from(widev.data as Float32Array);
    // A wide matrix has orthonormal rows: V V^T = I.
    const vvt: number[] = [];
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) vvt.push([0, 1, 2, 3, 4].reduce((s, k) => s + V[i * 5 + k]! * V[j * 5 + k]!, 0));
    expectClose(vvt, [1, 0, 0, 0, 1, 0, 0, 0, 1], 1e-4);
    expect((await sess.run(conv)).shape).toEqual([2, 2, 3, 4]);
    sess.close();
    const again = new tf.Session();
    await again.run(tf.globalVariablesInitializer());
    expect(Array.from((await again.run(w)).data as Float32Array)).toEqual(W);
    again.close();
    expect(() => tf.getVariable('bad', { shape: [4], initializer: tf.orthogonalInitializer() })).toThrow(/at least two-dimensional/);
  });

  it('reports the names of uninitialized variables, as TF1', async () => {
    const a = tf.getVariable('a', { shape: [1] });
    tf.variableScope('s', () => tf.getVariable('b', { shape: [2] }));
    const report = tf.reportUninitializedVariables();
    const sess = new tf.Session();
    expect((await sess.run(report)).data).toEqual(['a', 's/b']);
    await sess.run(a.initializer);
    expect((await sess.run(report)).data).toEqual(['s/b']);
    await sess.run(tf.globalVariablesInitializer());
    const none = await sess.run(report);
    expect(none.shape).toEqual([0]);
    sess.close();
  });
});
