import { afterEach, describe, expect, it } from 'vitest';
import * as tf from '../../../src/index.js';
import { runOpCase } from '../../util/op_cases.js';

afterEach(() => tf.resetDefaultGraph());

async function run(t: tf.Tensor, feeds?: Record<string, unknown>): Promise<Float32Array> {
  const sess = new tf.Session();
  const v = (await sess.run(t, feeds as never)) as tf.NDArray;
  sess.close();
  return v.data as Float32Array;
}

const ones = (n: number): number[] => new Array<number>(n).fill(1);

describe('tf.nn.dropout', () => {
  it('builds TF1 ops: Mul by 1/keep, RandomUniform >= rate, SelectV2 against 0', () => {
    const x = tf.placeholder('float32', [2, 3], 'x');
    const y = tf.nn.dropout(x, { rate: 0.25 });
    expect(y.name).toBe('dropout/SelectV2:0');
    expect(y.shape.toString()).toBe('(2, 3)');
    const ops = tf
      .getDefaultGraph()
      .getOperations()
      .filter((o) => o.name.startsWith('dropout/'))
      .map((o) => `${o.name}:${o.type}`);
    expect(ops).toEqual(
      expect.arrayContaining([
        'dropout/Mul:Mul',
        'dropout/random_uniform/RandomUniform:RandomUniform',
        'dropout/GreaterEqual:GreaterEqual',
        'dropout/SelectV2:SelectV2',
      ]),
    );
    expect(tf.getDefaultGraph().getOperationByName('dropout/Const').getAttr('value')).toBeDefined();
  });

  it('keeps about 1 - rate of the elements, scaled by 1 / (1 - rate)', async () => {
    const n = 4000;
    const y = tf.nn.dropout(tf.constant(ones(n)), { rate: 0.3, seed: 5 });
    const v = await run(y);
    const kept = Array.from(v).filter((e) => e !== 0);
    for (const e of kept) expect(e).toBeCloseTo(1 / 0.7, 5);
    expect(Math.abs(kept.length / n - 0.7)).toBeLessThan(0.04);
  });

  it('keepProb (TF1 positional keep_prob) is 1 - rate', async () => {
    const y = tf.nn.dropout(tf.constant(ones(1000)), 0.5);
    const v = await run(y);
    const kept = Array.from(v).filter((e) => e !== 0);
    for (const e of kept) expect(e).toBeCloseTo(2, 5);
    expect(Math.abs(kept.length / 1000 - 0.5)).toBeLessThan(0.07);
    expect(tf.nn.dropout(tf.constant(ones(3)), { keepProb: 0.9 }).op.type).toBe('SelectV2');
  });

  it('a tensor rate divides by (1 - rate) in the graph', async () => {
    const r = tf.placeholder('float32', [], 'r');
    const y = tf.nn.dropout(tf.constant(ones(2000)), { rate: r, seed: 1 });
    const ops = tf
      .getDefaultGraph()
      .getOperations()
      .map((o) => `${o.name}:${o.type}`);
    expect(ops).toEqual(expect.arrayContaining(['dropout/Sub:Sub', 'dropout/RealDiv:RealDiv']));
    const v = await run(y, { 'r:0': 0.75 });
    const kept = Array.from(v).filter((e) => e !== 0);
    for (const e of kept) expect(e).toBeCloseTo(4, 4);
    expect(Math.abs(kept.length / 2000 - 0.25)).toBeLessThan(0.05);
  });

  it('noiseShape drops whole rows together', async () => {
    const y = tf.nn.dropout(tf.constant(ones(40 * 5), { shape: [40, 5] }), {
      rate: 0.5,
      noiseShape: [40, 1],
      seed: 3,
    });
    expect(tf.getDefaultGraph().getOperationByName('dropout/random_uniform/shape').type).toBe(
      'Const',
    );
    const v = await run(y);
    for (let r = 0; r < 40; r++) {
      const row = Array.from(v.slice(r * 5, r * 5 + 5));
      expect(new Set(row).size).toBe(1);
    }
  });

  it('is deterministic with graph and op seeds', async () => {
    const build = (): tf.Tensor => {
      tf.resetDefaultGraph();
      tf.setRandomSeed(7);
      return tf.nn.dropout(tf.constant(ones(50)), { rate: 0.5, seed: 2 });
    };
    const a = await run(build());
    const b = await run(build());
    expect(Array.from(a)).toEqual(Array.from(b));
  });

  it('rate 0 returns x itself; gradients flow to kept elements only', async () => {
    const x = tf.placeholder('float32', [6], 'x');
    expect(tf.nn.dropout(x, { rate: 0 })).toBe(x);
    const y = tf.nn.dropout(x, { rate: 0.5, seed: 4 });
    const g = tf.gradients(y, x)[0]!;
    const sess = new tf.Session();
    const [vy, vg] = (await sess.run([y, g], { 'x:0': ones(6) })) as tf.NDArray[];
    sess.close();
    expect(Array.from(vg!.data as Float32Array)).toEqual(Array.from(vy!.data as Float32Array));
  });

  const errors: [string, () => tf.Tensor, RegExp][] = [
    [
      'rate 1',
      () => tf.nn.dropout(tf.zeros([2]), { rate: 1 }),
      /`rate` must be a scalar tensor or a float in the range \[0, 1\)\. Received: rate=1/,
    ],
    [
      'no rate',
      () => tf.nn.dropout(tf.zeros([2])),
      /`rate` must be provided\. Received: rate=None/,
    ],
    [
      'integer x',
      () => tf.nn.dropout(tf.zeros([2], 'int32'), { rate: 0.5 }),
      /`x.dtype` must be a floating point tensor as `x` will be scaled\. Received: x_dtype=<dtype: 'int32'>/,
    ],
    [
      'rate of rank 1',
      () => tf.nn.dropout(tf.zeros([2]), { rate: tf.zeros([2]) }),
      /Shape \(2,\) must have rank 0/,
    ],
    [
      'rate and keepProb',
      () => tf.nn.dropout(tf.zeros([2]), { rate: 0.5, keepProb: 0.5 }),
      /Cannot specify both 'rate' and 'keep_prob'/,
    ],
  ];
  for (const [name, build, re] of errors)
    it(`error: ${name}`, () => runOpCase({ name, build, throws: re, throwsClass: tf.ValueError }));
});
