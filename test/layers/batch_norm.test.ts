import { afterEach, describe, expect, it } from 'vitest';
import * as tf from '../../src/index.js';
import { numTensors } from '../util/leaks.js';
import { checkReuse, expectArrClose, randomInput, toArr, varInfo } from './harness.js';
import { forEachIndex, get, zeros, type Arr } from './reference.js';

afterEach(() => tf.resetDefaultGraph());

/** Per-channel batch statistics over every axis but `axis` (biased variance). */
function stats(x: Arr, axis: number): { mean: number[]; variance: number[]; count: number } {
  const c = x.shape[axis]!;
  const sum = new Array<number>(c).fill(0);
  const sq = new Array<number>(c).fill(0);
  const count = x.data.length / c;
  forEachIndex(x.shape, (i) => (sum[i[axis]!]! += get(x, i)));
  const mean = sum.map((s) => s / count);
  forEachIndex(x.shape, (i) => (sq[i[axis]!]! += (get(x, i) - mean[i[axis]!]!) ** 2));
  return { mean, variance: sq.map((s) => s / count), count };
}

function normalize(
  x: Arr,
  axis: number,
  mean: readonly number[],
  variance: readonly number[],
  gamma: readonly number[],
  beta: readonly number[],
  eps: number,
): Arr {
  const out = zeros(x.shape);
  let k = 0;
  forEachIndex(x.shape, (i) => {
    const c = i[axis]!;
    out.data[k++] = ((get(x, i) - mean[c]!) / Math.sqrt(variance[c]! + eps)) * gamma[c]! + beta[c]!;
  });
  return out;
}

interface Setup {
  g: tf.Graph;
  x: tf.Tensor;
  y: tf.Tensor;
  bn: tf.layers.BatchNormalization;
  training: tf.Tensor | null;
}

function setup(
  shape: (number | null)[],
  options: tf.layers.BatchNormalizationOptions,
  training: boolean | 'tensor',
): Setup {
  const g = new tf.Graph();
  return g.asDefault(() => {
    const x = tf.placeholder('float32', shape, 'x');
    const t = training === 'tensor' ? tf.placeholder('bool', [], 'training') : null;
    const bn = new tf.layers.BatchNormalization({
      gammaInitializer: tf.randomUniformInitializer({ minval: 0.5, maxval: 1.5 }),
      betaInitializer: tf.randomUniformInitializer({ minval: -1, maxval: 1 }),
      movingMeanInitializer: tf.constantInitializer(0.5),
      movingVarianceInitializer: tf.constantInitializer(2),
      ...options,
    });
    const y = bn.apply(x, { training: t ?? training });
    return { g, x, y, bn, training: t };
  });
}

/** Runs y (and then the update ops) once; returns y, gamma, beta and the moving statistics after the update. */
async function runOnce(
  s: Setup,
  input: Arr,
  trainingValue?: boolean,
): Promise<{
  y: Arr;
  gamma: number[];
  beta: number[];
  movingMean: number[];
  movingVariance: number[];
}> {
  const before = numTensors();
  const sess = new tf.Session({ graph: s.g });
  await sess.run(s.g.asDefault(() => tf.globalVariablesInitializer()));
  const feed = new Map<tf.Tensor, tf.NDArray | boolean>([
    [s.x, new tf.NDArray('float32', input.shape, Float32Array.from(input.data))],
  ]);
  if (s.training) feed.set(s.training, trainingValue ?? false);
  const updates = s.g.getCollection<tf.Operation>(tf.GraphKeys.UPDATE_OPS);
  const [y, gamma, beta] = (await sess.run([s.y, s.bn.gamma!, s.bn.beta!], feed)) as tf.NDArray[];
  if (updates.length > 0) await sess.run(updates, feed);
  const [mm, mv] = (await sess.run([s.bn.movingMean!, s.bn.movingVariance!])) as tf.NDArray[];
  sess.close();
  expect(numTensors()).toBe(before);
  const list = (a: tf.NDArray): number[] => Array.from(a.data as Float32Array);
  return {
    y: toArr(y!),
    gamma: list(gamma!),
    beta: list(beta!),
    movingMean: list(mm!),
    movingVariance: list(mv!),
  };
}

const CASES: {
  name: string;
  shape: number[];
  axis: number;
  options: tf.layers.BatchNormalizationOptions;
  fused: boolean;
}[] = [
  { name: '4-D channels last (fused)', shape: [2, 3, 3, 4], axis: 3, options: {}, fused: true },
  {
    name: '4-D channels first (fused NCHW)',
    shape: [2, 4, 3, 3],
    axis: 1,
    options: { axis: 1 },
    fused: true,
  },
  { name: '4-D not fused', shape: [2, 3, 2, 3], axis: 3, options: { fused: false }, fused: false },
  { name: '2-D', shape: [6, 3], axis: 1, options: { momentum: 0.9, epsilon: 0.01 }, fused: false },
  { name: '3-D axis 1', shape: [3, 2, 4], axis: 1, options: { axis: 1 }, fused: false },
];

describe('BatchNormalization', () => {
  for (const c of CASES) {
    it(`${c.name}: training uses the batch statistics and updates the moving ones`, async () => {
      const s = setup([null, ...c.shape.slice(1)], c.options, true);
      expect(s.bn.fused).toBe(c.fused);
      expect(s.y.shape.toString()).toBe(`(?, ${c.shape.slice(1).join(', ')})`);
      const ch = c.shape[c.axis]!;
      expect(varInfo(s.bn.weights)).toEqual([
        `batch_normalization/gamma:0 (${ch},)`,
        `batch_normalization/beta:0 (${ch},)`,
        `batch_normalization/moving_mean:0 (${ch},)`,
        `batch_normalization/moving_variance:0 (${ch},)`,
      ]);
      s.g.asDefault(() => {
        expect(tf.trainableVariables().map((v) => v.name)).toEqual([
          'batch_normalization/gamma:0',
          'batch_normalization/beta:0',
        ]);
        expect(tf.globalVariables().length).toBe(4);
        const updates = tf.getCollection<tf.Operation>(tf.GraphKeys.UPDATE_OPS);
        expect(updates.map((u) => `${u.name}:${u.type}`)).toEqual([
          'batch_normalization/AssignMovingAvg:AssignSub',
          'batch_normalization/AssignMovingAvg_1:AssignSub',
        ]);
        expect(s.bn.updates).toEqual(updates);
        expect(s.bn.getUpdatesFor(s.x)).toEqual(updates);
        expect(s.bn.getUpdatesFor(null)).toEqual([]);
      });
      expect(varInfo(s.bn.nonTrainableWeights)).toEqual([
        `batch_normalization/moving_mean:0 (${ch},)`,
        `batch_normalization/moving_variance:0 (${ch},)`,
      ]);
      expect(s.g.getOperations().some((o) => o.type === 'FusedBatchNormV3')).toBe(c.fused);
      const x = randomInput(c.shape, 21);
      const r = await runOnce(s, x);
      const st = stats(x, c.axis);
      const eps = c.options.epsilon ?? 1e-3;
      expectArrClose(
        r.y,
        normalize(x, c.axis, st.mean, st.variance, r.gamma, r.beta, eps),
        1e-4,
        'output',
      );
      const m = c.options.momentum ?? 0.99;
      // The fused kernel's variance for the moving average is unbiased (n / (n - 1)), as TF's.
      const factor = c.fused ? st.count / (st.count - 1) : 1;
      r.movingMean.forEach((v, i) => expect(v).toBeCloseTo(0.5 - (0.5 - st.mean[i]!) * (1 - m), 5));
      r.movingVariance.forEach((v, i) =>
        expect(v).toBeCloseTo(2 - (2 - st.variance[i]! * factor) * (1 - m), 5),
      );
    });

    it(`${c.name}: inference uses the moving statistics and adds no updates`, async () => {
      const s = setup([null, ...c.shape.slice(1)], c.options, false);
      expect(s.g.getCollection(tf.GraphKeys.UPDATE_OPS)).toEqual([]);
      const x = randomInput(c.shape, 22);
      const r = await runOnce(s, x);
      const ch = c.shape[c.axis]!;
      const eps = c.options.epsilon ?? 1e-3;
      expectArrClose(
        r.y,
        normalize(
          x,
          c.axis,
          new Array<number>(ch).fill(0.5),
          new Array<number>(ch).fill(2),
          r.gamma,
          r.beta,
          eps,
        ),
        1e-4,
      );
      expect(r.movingMean).toEqual(new Array<number>(ch).fill(0.5));
    });

    it(`${c.name}: a training tensor picks the statistics at run time`, async () => {
      const x = randomInput(c.shape, 23);
      const st = stats(x, c.axis);
      const ch = c.shape[c.axis]!;
      const eps = c.options.epsilon ?? 1e-3;
      const on = await runOnce(setup([null, ...c.shape.slice(1)], c.options, 'tensor'), x, true);
      expectArrClose(
        on.y,
        normalize(x, c.axis, st.mean, st.variance, on.gamma, on.beta, eps),
        1e-4,
        'training',
      );
      const m = c.options.momentum ?? 0.99;
      on.movingMean.forEach((v, i) =>
        expect(v).toBeCloseTo(0.5 - (0.5 - st.mean[i]!) * (1 - m), 5),
      );
      const off = await runOnce(setup([null, ...c.shape.slice(1)], c.options, 'tensor'), x, false);
      expectArrClose(
        off.y,
        normalize(
          x,
          c.axis,
          new Array<number>(ch).fill(0.5),
          new Array<number>(ch).fill(2),
          off.gamma,
          off.beta,
          eps,
        ),
        1e-4,
        'inference',
      );
      // Not training: the updates run with momentum 1 and change nothing.
      expect(off.movingMean.map((v) => Number(v.toFixed(5)))).toEqual(
        new Array<number>(ch).fill(0.5),
      );
      expect(off.movingVariance.map((v) => Number(v.toFixed(5)))).toEqual(
        new Array<number>(ch).fill(2),
      );
    });
  }

  it('center and scale false: no beta / gamma variables', async () => {
    const g = new tf.Graph();
    g.asDefault(() => {
      const x = tf.placeholder('float32', [null, 2, 2, 3]);
      const bn = new tf.layers.BatchNormalization({ center: false, scale: false });
      bn.apply(x, { training: true });
      expect(bn.gamma).toBeNull();
      expect(bn.beta).toBeNull();
      expect(bn.weights.map((v) => v.name)).toEqual([
        'batch_normalization/moving_mean:0',
        'batch_normalization/moving_variance:0',
      ]);
      expect(bn.countParams()).toBe(6);
      const y = tf.layers.batchNormalization(tf.placeholder('float32', [null, 3]), {
        center: false,
        training: true,
      });
      expect(y.shape.toString()).toBe('(?, 3)');
    });
  });

  it('names and functional form', () => {
    const x = tf.placeholder('float32', [null, 4, 4, 3]);
    const y = tf.layers.batchNormalization(x, { training: true, name: 'bn' });
    expect(y.name).toBe('bn/FusedBatchNormV3:0');
    const g = tf.getDefaultGraph();
    expect(g.getOperationByName('bn/AssignMovingAvg').type).toBe('AssignSub');
    const z = tf.layers.batchNormalization(tf.placeholder('float32', [null, 3]));
    expect(z.name).toBe('batch_normalization/batchnorm/add_1:0');
    expect(g.hasOperation('batch_normalization/moments/mean')).toBe(false);
    const w = tf.layers.batchNormalization(tf.placeholder('float32', [null, 3]), {
      training: true,
    });
    expect(w.op.graph.hasOperation('batch_normalization_1/moments/mean')).toBe(true);
  });

  it('shares variables through the object, name + reuse and an enclosing reuse scope', () => {
    checkReuse(
      [null, 3],
      (o) => new tf.layers.BatchNormalization(o),
      (x, o) => tf.layers.batchNormalization(x, o),
      ['gamma:0', 'beta:0', 'moving_mean:0', 'moving_variance:0'],
    );
  });

  it('errors: bad axis, undefined axis dimension or rank, bad options', () => {
    expect(() =>
      tf.layers.batchNormalization(tf.placeholder('float32', [null, 3]), { axis: 2 }),
    ).toThrow(/Invalid axis: 2/);
    expect(() =>
      tf.layers.batchNormalization(tf.placeholder('float32', [null, 3, 2]), { axis: [1, -2] }),
    ).toThrow(/Duplicate axis/);
    expect(() => tf.layers.batchNormalization(tf.placeholder('float32', [null, null]))).toThrow(
      /Input has undefined `axis` dimension/,
    );
    expect(() => tf.layers.batchNormalization(tf.placeholder('float32'))).toThrow(
      /Input has undefined rank/,
    );
    expect(() => new tf.layers.BatchNormalization({ epsilon: 0 })).toThrow(
      /The `epsilon` argument must be a positive number. Received: 0/,
    );
    expect(() => new tf.layers.BatchNormalization({ axis: 'x' as never })).toThrow(
      /The `axis` argument must be an integer or a list of integers/,
    );
    expect(() => new tf.layers.BatchNormalization({ fused: 'yes' as never })).toThrow(
      /The `fused` argument must be a boolean or null/,
    );
    const bn = new tf.layers.BatchNormalization();
    bn.apply(tf.placeholder('float32', [null, 3]));
    expect(() => bn.apply(tf.placeholder('float32', [null, 4]))).toThrow(
      /expected axis 1 of input shape to have value 3/,
    );
  });
});
