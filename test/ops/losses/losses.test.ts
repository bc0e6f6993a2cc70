import { afterEach, describe, expect, it } from 'vitest';
import * as tf from '../../../src/index.js';
import { expectClose } from '../../util/op_cases.js';
import fixture from '../../fixtures/losses/loss_values.json' with { type: 'json' };

afterEach(() => tf.resetDefaultGraph());

// The fixture's inputs (see test/fixtures/losses/make_loss_values.py), rebuilt here.
const P = Array.from({ length: 12 }, (_, i) => Math.fround(Math.sin(i * 1.3) * 2));
const L = Array.from({ length: 12 }, (_, i) => Math.fround(Math.cos(i * 0.7)));
const Z = Array.from({ length: 12 }, (_, i) => (i % 3 === 0 ? 1 : 0));
const W = [1, 0, 2.5];
const IDS = [1, 3, 0];
const OH = IDS.flatMap((c) => [0, 1, 2, 3].map((k) => (k === c ? 1 : 0)));
const TF = fixture.values as Record<string, number[]>;

const REDUCTIONS = [
  'NONE',
  'SUM',
  'MEAN',
  'SUM_OVER_BATCH_SIZE',
  'SUM_BY_NONZERO_WEIGHTS',
] as const;
type Red = (typeof REDUCTIONS)[number];

/** TF1's compute_weighted_loss by explicit loops: `weights` already broadcast to the losses. */
function reduceRef(losses: number[], weights: number[], red: Red): number[] {
  const weighted = losses.map((l, i) => l * weights[i]!);
  const sum = weighted.reduce((a, b) => a + b, 0);
  const divNoNan = (a: number, b: number): number => (b === 0 ? 0 : a / b);
  switch (red) {
    case 'NONE':
      return weighted;
    case 'SUM':
      return [sum];
    case 'MEAN':
      return [
        divNoNan(
          sum,
          weights.reduce((a, b) => a + b, 0),
        ),
      ];
    case 'SUM_OVER_BATCH_SIZE':
      return [divNoNan(sum, losses.length)];
    case 'SUM_BY_NONZERO_WEIGHTS':
      return [divNoNan(sum, weights.filter((w) => w !== 0).length)];
  }
}

const softplus = (x: number): number => Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
function rowXent(logits: number[], labels: number[], c: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < logits.length; i += c) {
    const row = logits.slice(i, i + c);
    const m = Math.max(...row);
    const lse = m + Math.log(row.reduce((s, v) => s + Math.exp(v - m), 0));
    out.push(-row.reduce((s, v, k) => s + labels[i + k]! * (v - lse), 0));
  }
  return out;
}

interface LossSpec {
  key: string;
  build: (w: tf.TensorLike, red: Red) => tf.Tensor;
  perElement: number[];
  /** Weights broadcast over the per-element losses for W = [[1], [0], [2.5]]. */
  rowWeights: number[];
}

const lossOpts = (w: tf.TensorLike, red: Red): tf.losses.LossOptions => ({
  weights: w,
  reduction: tf.losses.Reduction[red],
});
const elemW = W.flatMap((w) => [w, w, w, w]);
const SPECS: LossSpec[] = [
  {
    key: 'mse',
    build: (w, r) =>
      tf.losses.meanSquaredError(
        tf.constant(L, { shape: [3, 4] }),
        tf.constant(P, { shape: [3, 4] }),
        lossOpts(w, r),
      ),
    perElement: P.map((p, i) => (p - L[i]!) ** 2),
    rowWeights: elemW,
  },
  {
    key: 'abs',
    build: (w, r) =>
      tf.losses.absoluteDifference(
        tf.constant(L, { shape: [3, 4] }),
        tf.constant(P, { shape: [3, 4] }),
        lossOpts(w, r),
      ),
    perElement: P.map((p, i) => Math.abs(p - L[i]!)),
    rowWeights: elemW,
  },
  {
    key: 'sig',
    build: (w, r) =>
      tf.losses.sigmoidCrossEntropy(
        tf.constant(Z, { shape: [3, 4] }),
        tf.constant(P, { shape: [3, 4] }),
        lossOpts(w, r),
      ),
    perElement: P.map((p, i) => softplus(p) - p * Z[i]!),
    rowWeights: elemW,
  },
  {
    key: 'sce',
    build: (w, r) =>
      tf.losses.softmaxCrossEntropy(
        tf.constant(OH, { shape: [3, 4] }),
        tf.constant(P, { shape: [3, 4] }),
        lossOpts(typeof w === 'number' ? w : tf.constant(W), r),
      ),
    perElement: rowXent(P, OH, 4),
    rowWeights: W,
  },
  {
    key: 'ssce',
    build: (w, r) =>
      tf.losses.sparseSoftmaxCrossEntropy(
        tf.constant(IDS, { dtype: 'int32' }),
        tf.constant(P, { shape: [3, 4] }),
        lossOpts(w, r),
      ),
    perElement: rowXent(P, OH, 4),
    rowWeights: W,
  },
];

describe('tf.losses: values for every reduction vs loops and vs TF', () => {
  for (const s of SPECS) {
    for (const red of REDUCTIONS) {
      for (const wk of ['1', 'W'] as const) {
        it(`${s.key} ${red} weights=${wk}`, async () => {
          const w = wk === '1' ? 1 : tf.constant(W, { shape: [3, 1] });
          const y = s.build(w, red);
          const sess = new tf.Session();
          const v = (await sess.run(y)) as tf.NDArray;
          sess.close();
          const weights = wk === '1' ? s.perElement.map(() => 1) : s.rowWeights;
          expectClose(v.data as Float32Array, reduceRef(s.perElement, weights, red), 1e-5, 'loops');
          expectClose(v.data as Float32Array, TF[`${s.key} ${red} ${wk}`]!, 1e-5, 'TF');
          expect(tf.getCollection(tf.GraphKeys.LOSSES)).toEqual([y]);
        });
      }
    }
  }

  it('label smoothing, hinge, huber and log loss match TF', async () => {
    const p = tf.constant(P, { shape: [3, 4] });
    const ys = [
      tf.losses.sigmoidCrossEntropy(tf.constant(Z, { shape: [3, 4] }), p, { labelSmoothing: 0.2 }),
      tf.losses.softmaxCrossEntropy(tf.constant(OH, { shape: [3, 4] }), p, { labelSmoothing: 0.2 }),
      tf.losses.hingeLoss(tf.constant(Z, { shape: [3, 4] }), p),
      tf.losses.huberLoss(tf.constant(L, { shape: [3, 4] }), p, { delta: 0.5 }),
      tf.losses.logLoss(tf.constant(Z, { shape: [3, 4] }), tf.sigmoid(p)),
    ];
    const sess = new tf.Session();
    const vs = (await sess.run(ys)) as tf.NDArray[];
    sess.close();
    const keys = ['sig smooth', 'sce smooth', 'hinge', 'huber', 'log'];
    vs.forEach((v, i) => expectClose(v.data as Float32Array, TF[keys[i]!]!, 1e-5, keys[i]));
    // Smoothing by loops: sigmoid labels z(1 - s) + s/2; softmax labels y(1 - s) + s/C.
    const sig = P.map((x, i) => softplus(x) - x * (Z[i]! * 0.8 + 0.1));
    expectClose(vs[0]!.data as Float32Array, [sig.reduce((a, b) => a + b, 0) / 12], 1e-5);
    const sce = rowXent(
      P,
      OH.map((y) => y * 0.8 + 0.05),
      4,
    );
    expectClose(vs[1]!.data as Float32Array, [sce.reduce((a, b) => a + b, 0) / 3], 1e-5);
  });
});
