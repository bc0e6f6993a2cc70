import { afterEach, describe, expect, it } from 'vitest';
import * as tf from '../../src/index.js';
import { expectClose } from '../util/op_cases.js';

afterEach(() => tf.resetDefaultGraph());

// A [3, 2] weight: columns are the slices Keras' default axis 0 normalises.
const W = [
  [3, -0.1],
  [4, 0.2],
  [0, -0.2],
];
const EPS = 1e-7;

async function apply(c: (w: tf.Tensor) => tf.Tensor, w: number[][] = W): Promise<number[]> {
  const y = c(tf.constant(w));
  const sess = new tf.Session();
  const v = (await sess.run(y)) as tf.NDArray;
  sess.close();
  expect(v.shape).toEqual([w.length, w[0]!.length]);
  return Array.from(v.data as Float32Array);
}

/** Column norms of a row-major [r, c] matrix (axis 0), or row norms (axis 1). */
function norms(w: number[][], axis: 0 | 1): number[] {
  if (axis === 0) return w[0]!.map((_, j) => Math.sqrt(w.reduce((s, row) => s + row[j]! ** 2, 0)));
  return w.map((row) => Math.sqrt(row.reduce((s, v) => s + v * v, 0)));
}

function scaleBy(w: number[][], axis: 0 | 1, f: (n: number) => number): number[] {
  const n = norms(w, axis);
  return w.flatMap((row, i) => row.map((v, j) => v * f(n[axis === 0 ? j : i]!)));
}

describe('tf.constraints (Keras)', () => {
  it('maxNorm rescales slices whose norm exceeds maxValue (default axis 0)', async () => {
    const expected = scaleBy(W, 0, (n) => Math.min(n, 2) / (EPS + n));
    expectClose(await apply(tf.constraints.maxNorm(2)), expected, 1e-5);
    // Column 0 had norm 5: now 2; column 1 (norm 0.3) is unchanged.
    expectClose(norms([[expected[0]!], [expected[2]!], [expected[4]!]], 0), [2], 1e-5);
    expectClose(
      await apply(tf.constraints.maxNorm(1, 1)),
      scaleBy(W, 1, (n) => Math.min(n, 1) / (EPS + n)),
      1e-5,
    );
  });

  it('nonNeg zeroes negative weights', async () => {
    expectClose(
      await apply(tf.constraints.nonNeg()),
      W.flat().map((v) => (v >= 0 ? v : 0)),
    );
  });

  it('unitNorm divides by the norm along the axis', async () => {
    expectClose(
      await apply(tf.constraints.unitNorm()),
      scaleBy(W, 0, (n) => 1 / (EPS + n)),
      1e-5,
    );
    expectClose(
      await apply(tf.constraints.unitNorm(1)),
      scaleBy(W, 1, (n) => 1 / (EPS + n)),
      1e-5,
    );
  });

  it('minMaxNorm pulls norms into [min, max] at `rate`', async () => {
    const clip = (n: number, lo: number, hi: number): number => Math.max(Math.min(n, hi), lo);
    expectClose(
      await apply(tf.constraints.minMaxNorm({ minValue: 0.5, maxValue: 1 })),
      scaleBy(W, 0, (n) => clip(n, 0.5, 1) / (EPS + n)),
      1e-5,
    );
    const rate = 0.25;
    expectClose(
      await apply(tf.constraints.minMaxNorm({ minValue: 0.5, maxValue: 1, rate, axis: 1 })),
      scaleBy(W, 1, (n) => (rate * clip(n, 0.5, 1) + (1 - rate) * n) / (EPS + n)),
      1e-5,
    );
  });

  it('plug into getVariable as the Constraint type', () => {
    const v = tf.getVariable('w', { shape: [3, 2], constraint: tf.constraints.maxNorm(3) });
    expect(v.constraint).not.toBeNull();
    const projected = v.constraint!(v.value());
    expect(projected.shape.toString()).toBe('(3, 2)');
  });
});
