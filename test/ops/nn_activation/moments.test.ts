import { afterEach, describe, expect, it } from 'vitest';
import * as tf from '../../../src/index.js';
import { expectClose, runOpCase } from '../../util/op_cases.js';
import { arr, channelStats, nd } from './ref.js';

afterEach(() => tf.resetDefaultGraph());

/** sin(i) * 3 for i < 24 as [2, 2, 2, 3] NHWC (the batch_norm test's input). */
const XV = Array.from({ length: 24 }, (_, i) => Math.fround(Math.sin(i) * 3));
const x = (): tf.Tensor => tf.constant(XV, { shape: [2, 2, 2, 3] });

async function run(ts: tf.Tensor[]): Promise<Float32Array[]> {
  const sess = new tf.Session();
  const out = (await sess.run(ts)) as tf.NDArray[];
  sess.close();
  return out.map((o) => o.data as Float32Array);
}

describe('tf.nn.moments', () => {
  it('mean and biased variance, squeezed; TF1 names', async () => {
    const [m, v] = tf.nn.moments(x(), [0, 1, 2]);
    expect([m.name, v.name]).toEqual(['moments/Squeeze:0', 'moments/Squeeze_1:0']);
    const ops = tf
      .getDefaultGraph()
      .getOperations()
      .filter((o) => o.name.startsWith('moments/'))
      .map((o) => `${o.name}:${o.type}`);
    expect(ops).toEqual(
      expect.arrayContaining([
        'moments/mean:Mean',
        'moments/StopGradient:StopGradient',
        'moments/SquaredDifference:SquaredDifference',
        'moments/variance:Mean',
      ]),
    );
    const [vm, vv] = await run([m, v]);
    const { mean, variance } = channelStats(XV, 3);
    expectClose(vm!, mean, 1e-5);
    expectClose(vv!, variance, 1e-5);
    // TF: mean [0.17745236, 0.17659634, 0.01337847], variance [2.4914231, 2.5454955, 8.077675].
    expectClose(vv!, [2.4914231, 2.5454955, 8.077675], 1e-5);
  });

  it('keepdims keeps reduced axes; unknown dims stay unknown', async () => {
    const [m, v] = tf.nn.moments(tf.placeholder('float32', [null, 4], 'x'), [0], {
      keepdims: true,
      name: 'stats',
    });
    expect([m.name, v.name]).toEqual(['stats/mean:0', 'stats/variance:0']);
    expect(m.shape.toString()).toBe('(1, 4)');
    const a = arr([3, 4], 2);
    const sess = new tf.Session();
    const [vm] = (await sess.run([m, v], { 'x:0': nd(a) })) as tf.NDArray[];
    sess.close();
    expectClose(
      vm!.data as Float32Array,
      [0, 1, 2, 3].map((k) => (a.values[k]! + a.values[4 + k]! + a.values[8 + k]!) / 3),
      1e-5,
    );
  });

  it('variance gradient does not flow through the mean (StopGradient)', () => {
    const xt = tf.placeholder('float32', [4], 'x');
    const [, v] = tf.nn.moments(xt, [0]);
    const g = tf.gradients(v, xt)[0]!;
    expect(g.shape.toString()).toBe('(4,)');
  });
});

describe('tf.nn.batchNormalization', () => {
  const a = arr([4, 3], 3);
  const mean = [0.5, -0.2, 1];
  const variance = [1.5, 0.3, 2];
  const beta = [0.1, 0.2, -0.3];
  const gamma = [2, 0.5, 1];
  const ref = (withOffset: boolean, withScale: boolean): number[] =>
    a.values.map((v, i) => {
      const k = i % 3;
      return (
        ((v - mean[k]!) / Math.sqrt(variance[k]! + 1e-3)) * (withScale ? gamma[k]! : 1) +
        (withOffset ? beta[k]! : 0)
      );
    });
  it('(x - mean) * scale / sqrt(var + eps) + offset, TF1 op order and names', async () => {
    await runOpCase({
      name: 'bn',
      build: () =>
        tf.nn.batchNormalization(
          tf.placeholder('float32', [null, 3], 'x'),
          mean,
          variance,
          beta,
          gamma,
          1e-3,
        ),
      feeds: { 'x:0': nd(a) },
      staticShape: '(?, 3)',
      expected: { shape: [4, 3], values: ref(true, true) },
    });
    tf.resetDefaultGraph();
    const y = tf.nn.batchNormalization(
      tf.placeholder('float32', [4, 3], 'x'),
      tf.constant(mean),
      tf.constant(variance),
      tf.constant(beta),
      tf.constant(gamma),
      1e-3,
    );
    expect(y.name).toBe('batchnorm/add_1:0');
    // The addition's type is the math family's (TF 2's AddV2, TF 1's Add).
    const ops = tf
      .getDefaultGraph()
      .getOperations()
      .filter((o) => o.name.startsWith('batchnorm/'))
      .map((o) => `${o.name}:${o.type.replace('AddV2', 'Add')}`);
    expect(ops.filter((s) => !s.endsWith(':Const'))).toEqual([
      'batchnorm/add:Add',
      'batchnorm/Rsqrt:Rsqrt',
      'batchnorm/mul:Mul',
      'batchnorm/mul_1:Mul',
      'batchnorm/mul_2:Mul',
      'batchnorm/sub:Sub',
      'batchnorm/add_1:Add',
    ]);
  });
  it('without offset and scale', () =>
    runOpCase({
      name: 'bn bare',
      build: () =>
        tf.nn.batchNormalization(
          tf.placeholder('float32', [4, 3], 'x'),
          mean,
          variance,
          null,
          null,
          1e-3,
          'bare',
        ),
      feeds: { 'x:0': nd(a) },
      expected: { shape: [4, 3], values: ref(false, false) },
    }));
});
