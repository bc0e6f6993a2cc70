import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import * as tf from '../../../src/index.js';
import { maxPool3dGradGrad } from '../../../src/ops/nn/max_pool_3d_grad_grad.js';
import { maxPoolGradGrad } from '../../../src/ops/nn/max_pool_grad_grad.js';
import { runOpCase } from '../../util/op_cases.js';

/** Values from real TensorFlow 2.21 (tf.compat.v1), made by test/fixtures/pool/make_pool_fixture.py. */
interface FixtureCase {
  name: string;
  inputs: { shape: number[]; values: number[] }[];
  output: { shape: number[]; values: number[] };
}

const fixture = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../fixtures/pool/pool_fixture.json'), 'utf8'),
) as { cases: FixtureCase[] };

/** d/d xs[wrt] of sum(y * w), w = linspace(-1, 1) over y, as the fixture script builds it. */
const gradOf =
  (build: (...xs: tf.Tensor[]) => tf.Tensor, wrt = 0) =>
  (...xs: tf.Tensor[]): tf.Tensor => {
    const y = build(...xs);
    const n = y.shape.size!;
    const w = tf.constant(
      Float32Array.from({ length: n }, (_, i) => (n === 1 ? -1 : -1 + (2 * i) / (n - 1))),
      { shape: y.shape.asList() as number[] },
    );
    return tf.gradients(tf.reduceSum(tf.multiply(y, w)), [xs[wrt]!])[0]!;
  };

const k3s2 = {
  ksize: [1, 3, 3, 1],
  strides: [1, 2, 2, 1],
  padding: 'SAME' as const,
  data_format: 'NHWC',
};
const k232 = {
  ksize: [1, 2, 3, 2, 1],
  strides: [1, 2, 1, 2, 1],
  padding: 'SAME' as const,
  data_format: 'NDHWC',
};

const BUILDERS: Record<string, (...xs: tf.Tensor[]) => tf.Tensor> = {
  'avg_pool SAME k3 s2': (a) => tf.nn.avgPool(a!, 3, 2, 'SAME'),
  'avg_pool grad SAME k3 s2': gradOf((a) => tf.nn.avgPool(a!, 3, 2, 'SAME')),
  'max_pool SAME k3 s2': (a) => tf.nn.maxPool(a!, 3, 2, 'SAME'),
  'max_pool grad with ties SAME k3 s2': gradOf((a) => tf.nn.maxPool(a!, 3, 2, 'SAME')),
  'max_pool grad with ties VALID k2 s1': gradOf((a) => tf.nn.maxPool(a!, 2, 1, 'VALID')),
  'max_pool_grad_grad with ties SAME k3 s2': (a, g) =>
    maxPoolGradGrad(a!, tf.nn.maxPool(a!, 3, 2, 'SAME'), g!, k3s2),
  'avg_pool3d SAME k2x3x2 s2x1x2': (a) => tf.nn.avgPool3d(a!, [2, 3, 2], [2, 1, 2], 'SAME'),
  'avg_pool3d grad SAME k2x3x2 s2x1x2': gradOf((a) =>
    tf.nn.avgPool3d(a!, [2, 3, 2], [2, 1, 2], 'SAME'),
  ),
  'max_pool3d SAME k2x3x2 s2x1x2': (a) => tf.nn.maxPool3d(a!, [2, 3, 2], [2, 1, 2], 'SAME'),
  'max_pool3d grad with ties SAME k2x3x2 s2x1x2': gradOf((a) =>
    tf.nn.maxPool3d(a!, [2, 3, 2], [2, 1, 2], 'SAME'),
  ),
  'max_pool3d_grad_grad with ties SAME k2x3x2 s2x1x2': (a, g) =>
    maxPool3dGradGrad(a!, tf.nn.maxPool3d(a!, [2, 3, 2], [2, 1, 2], 'SAME'), g!, k232),
  'bias_add NCHW': (a, b) => tf.nn.biasAdd(a!, b!, { dataFormat: 'NCHW' }),
  'bias_add NHWC bias grad': gradOf((a, b) => tf.nn.biasAdd(a!, b!), 1),
  'depthwise_conv2d SAME rate 2': (a, f) =>
    tf.nn.depthwiseConv2d(a!, f!, [1, 1, 1, 1], 'SAME', { rate: [2, 2] }),
  'depthwise_conv2d VALID stride 2': (a, f) => tf.nn.depthwiseConv2d(a!, f!, [1, 2, 2, 1], 'VALID'),
  'depthwise_conv2d input grad SAME stride 2': gradOf(
    (a, f) => tf.nn.depthwiseConv2d(a!, f!, [1, 2, 2, 1], 'SAME'),
    0,
  ),
  'depthwise_conv2d filter grad SAME stride 2': gradOf(
    (a, f) => tf.nn.depthwiseConv2d(a!, f!, [1, 2, 2, 1], 'SAME'),
    1,
  ),
  'depthwise_conv2d filter grad SAME rate 2': gradOf(
    (a, f) => tf.nn.depthwiseConv2d(a!, f!, [1, 1, 1, 1], 'SAME', { rate: [2, 2] }),
    1,
  ),
  'separable_conv2d SAME': (a, f, p) => tf.nn.separableConv2d(a!, f!, p!, [1, 1, 1, 1], 'SAME'),
};

describe('values against real TensorFlow', () => {
  for (const backend of ['cpu', 'wasm']) {
    for (const c of fixture.cases) {
      it(`[${backend}] ${c.name}`, () => {
        const build = BUILDERS[c.name];
        if (!build) throw new Error(`no builder for fixture case '${c.name}'`);
        return runOpCase({
          name: c.name,
          backend,
          build: () =>
            build(
              ...c.inputs.map((i) => tf.constant(Float32Array.from(i.values), { shape: i.shape })),
            ),
          expected: { shape: c.output.shape, values: c.output.values },
          tol: 1e-4,
        });
      });
    }
  }
});
