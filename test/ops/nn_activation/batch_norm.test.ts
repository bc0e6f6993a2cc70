import { afterEach, describe, expect, it } from 'vitest';
import * as tf from '../../../src/index.js';
import { expectClose, runOpCase } from '../../util/op_cases.js';
import { channelStats } from './ref.js';

afterEach(() => tf.resetDefaultGraph());

/** sin(i) * 3 for i < 24 as [2, 2, 2, 3] NHWC, the input of the TF reference run below. */
const XV = Array.from({ length: 24 }, (_, i) => Math.fround(Math.sin(i) * 3));
const DY = Array.from({ length: 24 }, (_, i) => Math.fround(Math.cos(i)));
const SHAPE = [2, 2, 2, 3];

// TF 2.21 (tf.compat.v1) outputs for XV, scale [1, 2, 3], offset [0.5, 0, -1], epsilon 1e-3.
const TF = {
  y: [
    0.3875988, 2.942542, 1.865123, 0.6557619, -3.0668545, -4.050505, -0.14336008, 2.248894,
    2.1186314, 1.1707263, -2.2668116, -4.180538, -0.632023, 1.3584688, 2.1225865, 1.6233072,
    -1.3038265, -4.0583363, -1.0394634, 0.34219787, 1.8766737, 1.9774523, -0.25461027, -3.693634,
  ],
  batchMean: [0.17745236, 0.17659634, 0.01337847],
  batchVar: [2.8473408, 2.909138, 9.231628],
  avgMean: [0.11936309, 0.19414909, 0.22834462],
  avgVar: [1.4618351, 2.2272844, 4.557907],
  yInference: [
    0.40004995, 3.2863948, 3.2045326, 0.82319844, -3.4928107, -6.5014153, -0.43777782, 2.5038896,
    3.6204715, 1.6357877, -2.5902815, -6.7147646, -1.2088647, 1.4994003, 3.6269608, 2.3499389,
    -1.5039372, -6.5142646, -1.8517859, 0.35294423, 3.223484, 2.908763, -0.3203156, -5.9158864,
  ],
  dx: [
    0.56750894, -0.465263, -0.42521667, -0.58406544, 0.45465428, 0.43068513, 0.3266222, 0.08135115,
    -0.1445789, -0.32495126, -0.09943147, 0.13853349, 0.05446674, 0.63181865, 0.15323924,
    -0.04520182, -0.6352629, -0.15899035, -0.22727752, 1.1422895, 0.44451377, 0.23289827, -1.110156,
    -0.43818575,
  ],
  dscale: [-5.12986, 5.133124, 0.4507433],
  doffset: [0.25580102, -0.2599795, -0.5367361],
  dxInference: [
    0.9995004, 0.7639119, -0.7206675, -0.9894979, -0.92416066, 0.49123552, 0.9596906, 1.0659124,
    -0.25197148, -0.91067505, -1.1863298, 0.00766426, 0.84343237, 1.283003, 0.23679636, -0.75930834,
    -1.3539966, -0.47651756, 0.6599868, 1.3978901, 0.70670116, -0.5474556, -1.4138049, -0.9227402,
  ],
  dscaleInference: [-8.074873, 5.7949834, 0.82835305],
  // d/dx of sum(dx * dx): TF differentiates its _BatchNormGrad composite with a tape.
  gradOfGrad: [
    0.30967373, -0.40162203, -0.05316533, -0.32496542, 0.44910422, 0.05752787, 0.2685666,
    -0.74750054, -0.07118895, -0.27197874, 0.7710327, 0.07297522, 0.2047609, -1.0390356,
    -0.08375085, -0.19863111, 1.026339, 0.08240025, 0.1233394, -1.2530036, -0.08985037, -0.11076535,
    1.194686, 0.08505217,
  ],
};

const x = (): tf.Tensor => tf.constant(XV, { shape: SHAPE });
const scale = [1, 2, 3];
const offset = [0.5, 0, -1];

async function run(ts: tf.Tensor[]): Promise<Float32Array[]> {
  const sess = new tf.Session();
  const out = (await sess.run(ts)) as tf.NDArray[];
  sess.close();
  return out.map((o) => o.data as Float32Array);
}

describe('tf.nn.fusedBatchNorm', () => {
  it('training: y normalised with the biased variance; batch variance unbiased (TF values)', async () => {
    const [y, m, v] = tf.nn.fusedBatchNorm(x(), scale, offset, { epsilon: 1e-3 });
    expect([y!.name, m!.name, v!.name]).toEqual([
      'FusedBatchNormV3:0',
      'FusedBatchNormV3:1',
      'FusedBatchNormV3:2',
    ]);
    expect(y!.op.outputs.map((o) => o.shape.toString())).toEqual([
      '(2, 2, 2, 3)',
      '(3,)',
      '(3,)',
      '(3,)',
      '(3,)',
      '<unknown>',
    ]);
    // TF1 passes empty Consts for the statistics a training op does not read.
    expect(y!.op.inputs.slice(3).map((t) => `${t.op.type} ${t.shape.toString()}`)).toEqual([
      'Const (0,)',
      'Const (0,)',
    ]);
    expect(y!.op.getAttr('is_training')).toBe(true);
    const [vy, vm, vv] = await run([y!, m!, v!]);
    expectClose(vy!, TF.y, 1e-5);
    expectClose(vm!, TF.batchMean, 1e-6);
    expectClose(vv!, TF.batchVar, 1e-5);
    // And by explicit loops: (x - mean) / sqrt(var + eps) * scale + offset.
    const { mean, variance } = channelStats(XV, 3);
    expectClose(
      vy!,
      XV.map(
        (val, i) =>
          ((val - mean[i % 3]!) / Math.sqrt(variance[i % 3]! + 1e-3)) * scale[i % 3]! +
          offset[i % 3]!,
      ),
      1e-5,
    );
    expectClose(
      vv!,
      variance.map((s) => (s * 8) / 7),
      1e-5,
    );
  });

  it('exponentialAvgFactor mixes the given statistics with the batch ones', async () => {
    const [, m, v] = tf.nn.fusedBatchNorm(x(), scale, offset, {
      mean: [0.1, 0.2, 0.3],
      variance: [1, 2, 3],
      exponentialAvgFactor: 0.25,
      epsilon: 1e-3,
    });
    const [vm, vv] = await run([m!, v!]);
    expectClose(vm!, TF.avgMean, 1e-6);
    expectClose(vv!, TF.avgVar, 1e-5);
  });

  it('inference uses the given mean and variance', async () => {
    const [y, m, v] = tf.nn.fusedBatchNorm(x(), scale, offset, {
      mean: [0.1, 0.2, 0.3],
      variance: [1, 2, 3],
      isTraining: false,
    });
    const [vy, vm, vv] = await run([y!, m!, v!]);
    expectClose(vy!, TF.yInference, 1e-5);
    expectClose(vm!, [0.1, 0.2, 0.3]);
    expectClose(vv!, [1, 2, 3]);
  });

  it('NCHW normalises along axis 1', async () => {
    // The same data transposed to [2, 3, 2, 2].
    const nchw: number[] = [];
    for (let n = 0; n < 2; n++)
      for (let c = 0; c < 3; c++)
        for (let h = 0; h < 2; h++)
          for (let w = 0; w < 2; w++) nchw.push(XV[((n * 2 + h) * 2 + w) * 3 + c]!);
    const [y, m] = tf.nn.fusedBatchNorm(tf.constant(nchw, { shape: [2, 3, 2, 2] }), scale, offset, {
      dataFormat: 'NCHW',
      epsilon: 1e-3,
    });
    expect(y!.shape.toString()).toBe('(2, 3, 2, 2)');
    const [vy, vm] = await run([y!, m!]);
    const expected: number[] = [];
    for (let n = 0; n < 2; n++)
      for (let c = 0; c < 3; c++)
        for (let h = 0; h < 2; h++)
          for (let w = 0; w < 2; w++) expected.push(TF.y[((n * 2 + h) * 2 + w) * 3 + c]!);
    expectClose(vy!, expected, 1e-5);
    expectClose(vm!, TF.batchMean, 1e-6);
  });

  it('gradients: FusedBatchNormGradV3 under gradients/, values as TF (training and inference)', async () => {
    const xt = x();
    const s = tf.constant(scale);
    const o = tf.constant(offset);
    const dy = tf.constant(DY, { shape: SHAPE });
    const [y] = tf.nn.fusedBatchNorm(xt, s, o, { epsilon: 1e-3 });
    const g = tf.gradients(y!, [xt, s, o], dy);
    expect(g.map((t) => t!.name)).toEqual([
      'gradients/FusedBatchNormV3_grad/FusedBatchNormGradV3:0',
      'gradients/FusedBatchNormV3_grad/FusedBatchNormGradV3:1',
      'gradients/FusedBatchNormV3_grad/FusedBatchNormGradV3:2',
    ]);
    expect(g[0]!.op.inputs.slice(3).map((t) => t.name)).toEqual([
      'FusedBatchNormV3:3',
      'FusedBatchNormV3:4',
      'FusedBatchNormV3:5',
    ]);
    const [yi] = tf.nn.fusedBatchNorm(xt, s, o, {
      mean: [0.1, 0.2, 0.3],
      variance: [1, 2, 3],
      isTraining: false,
    });
    const gi = tf.gradients(yi!, [xt, s, o], dy);
    const gg = tf.gradients(tf.reduceSum(tf.multiply(g[0]!, g[0]!)), xt);
    const vals = await run([...(g as tf.Tensor[]), ...(gi as tf.Tensor[]), gg[0]!]);
    expectClose(vals[0]!, TF.dx, 1e-4);
    expectClose(vals[1]!, TF.dscale, 1e-4);
    expectClose(vals[2]!, TF.doffset, 1e-5);
    expectClose(vals[3]!, TF.dxInference, 1e-5);
    expectClose(vals[4]!, TF.dscaleInference, 1e-5);
    expectClose(vals[5]!, TF.doffset, 1e-5);
    expectClose(vals[6]!, TF.gradOfGrad, 1e-3);
  });

  it('shape inference with unknown dims', () => {
    const [y, m] = tf.nn.fusedBatchNorm(
      tf.placeholder('float32', [null, null, null, 3], 'x'),
      tf.placeholder('float32', [null], 's'),
      [0, 0, 0],
    );
    expect(y!.shape.toString()).toBe('(?, ?, ?, 3)');
    expect(m!.shape.toString()).toBe('(3,)');
    const [y2] = tf.nn.fusedBatchNorm(
      tf.placeholder('float32', null, 'u'),
      tf.placeholder('float32', [4], 's2'),
      tf.placeholder('float32', null, 'o2'),
    );
    expect(y2!.shape.toString()).toBe('(?, ?, ?, 4)');
  });

  const errors: [string, () => tf.Tensor, RegExp][] = [
    [
      'rank',
      () => tf.nn.fusedBatchNorm(tf.zeros([2, 3]), tf.zeros([3]), tf.zeros([3]))[0]!,
      /Shape must be rank 4 but is rank 2/,
    ],
    [
      'scale length',
      () => tf.nn.fusedBatchNorm(tf.zeros([2, 2, 2, 3]), tf.zeros([4]), tf.zeros([3]))[0]!,
      /Dimensions must be equal, but are 3 and 4/,
    ],
    [
      'inference without statistics',
      () =>
        tf.nn.fusedBatchNorm(tf.zeros([2, 2, 2, 3]), tf.zeros([3]), tf.zeros([3]), {
          isTraining: false,
        })[0]!,
      /Both `mean` and `variance` must be a 1D tensor when `is_training` is False/,
    ],
  ];
  for (const [name, build, re] of errors)
    it(`error: ${name}`, () => runOpCase({ name, build, throws: re, throwsClass: tf.ValueError }));
});
