import { afterEach, describe, expect, it } from 'vitest';
import * as tf from '../../../src/index.js';
import { expectClose } from '../../util/op_cases.js';
import { arr, nd } from './ref.js';

afterEach(() => tf.resetDefaultGraph());

/** Builders over x [2, 2, 2, 3] (and z, labels of the same shape). */
const CASES: [string, (x: tf.Tensor, z: tf.Tensor) => tf.Tensor][] = [
  ['relu', (x) => tf.nn.relu(x)],
  ['relu6', (x) => tf.nn.relu6(tf.multiply(x, 4))],
  ['elu', (x) => tf.nn.elu(x)],
  ['selu', (x) => tf.nn.selu(x)],
  ['leakyRelu', (x) => tf.nn.leakyRelu(x, 0.1)],
  ['sigmoid', (x) => tf.nn.sigmoid(x)],
  ['tanh', (x) => tf.nn.tanh(x)],
  ['softplus', (x) => tf.nn.softplus(x)],
  ['softmax axis 1', (x) => tf.nn.softmax(x, 1)],
  ['logSoftmax', (x) => tf.nn.logSoftmax(x)],
  ['l2Loss', (x) => tf.nn.l2Loss(x)],
  [
    'softmax xent',
    (x, z) => tf.nn.softmaxCrossEntropyWithLogitsV2({ labels: tf.nn.softmax(z), logits: x }),
  ],
  [
    'sparse xent',
    (x) =>
      tf.nn.sparseSoftmaxCrossEntropyWithLogits({
        labels: tf.constant(
          [
            [
              [0, 2],
              [1, 1],
            ],
            [
              [2, 0],
              [1, 0],
            ],
          ],
          { dtype: 'int32' },
        ),
        logits: x,
      }),
  ],
  [
    'sigmoid xent',
    (x, z) => tf.nn.sigmoidCrossEntropyWithLogits({ labels: tf.nn.sigmoid(z), logits: x }),
  ],
  ['fusedBatchNorm', (x) => tf.nn.fusedBatchNorm(x, [1, 2, 3], [0, 1, 0])[0]!],
  [
    'fusedBatchNorm NCHW',
    (x) =>
      tf.nn.fusedBatchNorm(tf.transpose(x, [0, 3, 1, 2]), [1, 2, 3], [0, 1, 0], {
        dataFormat: 'NCHW',
      })[0]!,
  ],
  ['moments', (x) => tf.nn.moments(x, [0, 1, 2])[1]],
  [
    'loss',
    (x, z) =>
      tf.losses.sigmoidCrossEntropy(tf.nn.sigmoid(z), x, {
        weights: [
          [[[1]], [[0]]],
          [[[2]], [[1]]],
        ],
      }),
  ],
];

async function runOn(
  backend: string,
  name: string,
  build: (x: tf.Tensor, z: tf.Tensor) => tf.Tensor,
): Promise<Float32Array[]> {
  const g = new tf.Graph();
  return g.asDefault(async () => {
    const x = tf.placeholder('float32', [2, 2, 2, 3], 'x');
    const z = tf.placeholder('float32', [2, 2, 2, 3], 'z');
    const y = build(x, z);
    const [gx] = tf.gradients(y, x);
    const sess = new tf.Session({ graph: g, backend });
    const out = (await sess.run([y, gx!], {
      'x:0': nd(arr([2, 2, 2, 3], 1)),
      'z:0': nd(arr([2, 2, 2, 3], 2)),
    })) as tf.NDArray[];
    sess.close();
    expect(out.length, name).toBe(2);
    return out.map((o) => o.data as Float32Array);
  });
}

describe('the same values and gradients on cpu and wasm', () => {
  for (const [name, build] of CASES) {
    it(name, async () => {
      const cpu = await runOn('cpu', name, build);
      const wasm = await runOn('wasm', name, build);
      expectClose(wasm[0]!, cpu[0]!, 1e-4, `${name} value`);
      expectClose(wasm[1]!, cpu[1]!, 1e-4, `${name} gradient`);
    });
  }
});
