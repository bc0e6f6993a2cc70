import { afterEach, describe, expect, it } from 'vitest';
import * as tf from '../../../src/index.js';
import { PASS_NAMES } from '../../../src/session/passes/index.js';
import { numTensors } from '../../util/leaks.js';
import { expectClose, randomArray } from '../../util/op_cases.js';
import { ALL_OFF } from './util.js';

afterEach(() => tf.resetDefaultGraph());

interface Model {
  g: tf.Graph;
  train: tf.Operation;
  loss: tf.Tensor;
  feed: Record<string, unknown>;
}

/** A two-layer MLP with Adam, as TF1 code writes it (dense layers, sparse softmax loss). */
function mlp(): Model {
  const g = new tf.Graph();
  return g.asDefault(() => {
    tf.setRandomSeed(7);
    const x = tf.placeholder('float32', [null, 6], 'x');
    const y = tf.placeholder('int32', [null], 'y');
    const h = tf.layers.dense(x, { units: 8, activation: tf.nn.relu, name: 'fc1' });
    const logits = tf.layers.dense(h, { units: 3, name: 'logits' });
    const loss = tf.losses.sparseSoftmaxCrossEntropy(y, logits);
    const train = new tf.train.AdamOptimizer({ learningRate: 0.05 }).minimize(loss, {
      globalStep: tf.train.getOrCreateGlobalStep(),
    });
    return {
      g,
      train,
      loss,
      feed: {
        'x:0': new tf.NDArray('float32', [5, 6], randomArray(30, 1)),
        'y:0': Int32Array.from([0, 1, 2, 1, 0]),
      },
    };
  });
}

/** A small conv net with Adam: conv + relu, max pool, flatten, dense, with a manual bias add. */
function convNet(): Model {
  const g = new tf.Graph();
  return g.asDefault(() => {
    tf.setRandomSeed(11);
    const x = tf.placeholder('float32', [null, 6, 6, 1], 'x');
    const y = tf.placeholder('int32', [null], 'y');
    let h = tf.layers.conv2d(x, {
      filters: 3,
      kernelSize: 3,
      padding: 'same',
      activation: tf.nn.relu,
      name: 'conv1',
    });
    h = tf.layers.maxPooling2d(h, { poolSize: 2, strides: 2, name: 'pool1' });
    h = tf.layers.flatten(h, { name: 'flatten' });
    const w = tf.getVariable('out/w', { shape: [27, 2] });
    const b = tf.getVariable('out/b', { shape: [2], initializer: tf.constantInitializer(0.1) });
    const logits = tf.add(tf.matmul(h, w), b, 'logits');
    const loss = tf.reduceMean(
      tf.nn.sparseSoftmaxCrossEntropyWithLogits({ labels: y, logits }),
      undefined,
      { name: 'loss' },
    );
    const train = new tf.train.AdamOptimizer({ learningRate: 0.05 }).minimize(loss);
    return {
      g,
      train,
      loss,
      feed: {
        'x:0': new tf.NDArray('float32', [4, 6, 6, 1], randomArray(144, 2)),
        'y:0': Int32Array.from([0, 1, 1, 0]),
      },
    };
  });
}

/** Losses of three steps and every variable after them. */
async function trainWith(
  m: Model,
  optimize: Record<string, boolean>,
  backend: string,
): Promise<number[][]> {
  const sess = new tf.Session({ graph: m.g, backend, optimize });
  await sess.run(m.g.asDefault(() => tf.globalVariablesInitializer()));
  const losses: number[] = [];
  for (let i = 0; i < 3; i++)
    losses.push((await sess.run([m.train, m.loss], m.feed as never))[1].item() as number);
  const vars = (await sess.run(m.g.getCollection('variables') as tf.Variable[])) as tf.NDArray[];
  sess.close();
  return [losses, ...vars.map((v) => Array.from(v.data as Float32Array))];
}

const settings: [string, Record<string, boolean>][] = [
  ['all passes off', ALL_OFF],
  ...PASS_NAMES.map((p): [string, Record<string, boolean>] => [`${p} off`, { [p]: false }]),
  ...PASS_NAMES.map((p): [string, Record<string, boolean>] => [
    `only ${p}`,
    { ...ALL_OFF, [p]: true },
  ]),
];

describe.each([
  ['MLP', 'cpu', mlp],
  ['conv net', 'cpu', convNet],
  ['MLP', 'wasm', mlp],
] as const)(
  'a %s training step with Adam gives the same values with each pass on or off (%s)',
  (_name, backend, make) => {
    it('losses and variables agree; fusion within float tolerance, the other passes exactly', async () => {
      const m = make();
      const before = numTensors();
      const reference = await trainWith(m, {}, backend);
      for (const [label, optimize] of settings) {
        const got = await trainWith(m, optimize, backend);
        // Without fusion on both sides the computation is the same kernel for kernel.
        const exact = (optimize['fusion'] ?? true) === true;
        got.forEach((vals, i) => {
          if (exact)
            expect(vals, `${label}: ${i === 0 ? 'losses' : `variable ${i - 1}`}`).toEqual(
              reference[i],
            );
          else
            expectClose(
              vals,
              reference[i]!,
              1e-4,
              `${label}: ${i === 0 ? 'losses' : `variable ${i - 1}`}`,
            );
        });
      }
      expect(numTensors()).toBe(before);
      // The optimizer actually trained: the loss went down.
      expect(reference[0]![2]).toBeLessThan(reference[0]![0]!);
    });
  },
);
