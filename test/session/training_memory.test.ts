import * as tfc from '@tensorflow/tfjs-core';
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '../../src/index.js';
import { compile } from '../../src/session/compile.js';
import { randomArray } from '../util/op_cases.js';

afterEach(() => tf.resetDefaultGraph());

/**
 * tfjs-core's Node bundle ships no gradient functions (the @tensorflow/tfjs umbrella registers
 * them from tfjs-core's ESM sources). Bundle those sources once and run them: the kernel and
 * gradient registries and the engine are process globals, so `tfc.variableGrads` then works
 * with the stock tfjs gradients, and the eager step below is tfjs' own.
 */
beforeAll(async () => {
  const out = await build({
    entryPoints: [
      createRequire(import.meta.url).resolve(
        '@tensorflow/tfjs-core/dist/register_all_gradients.js',
      ),
    ],
    bundle: true,
    format: 'cjs',
    platform: 'node',
    write: false,
    logLevel: 'silent',
  });
  const mod = { exports: {} };
  new Function('require', 'module', 'exports', out.outputFiles[0]!.text)(
    createRequire(import.meta.url),
    mod,
    mod.exports,
  );
});

const B = 16;
const X = randomArray(B * 64, 1);
const Y = Int32Array.from({ length: B }, (_, i) => i % 4);

interface Built {
  train: tf.Operation;
  x: tf.Tensor;
  y: tf.Tensor;
}

/** The graph model: as TF1 code writes it. */
function graphModel(conv: boolean): Built {
  const x = tf.placeholder('float32', conv ? [null, 8, 8, 1] : [null, 64], 'x');
  const y = tf.placeholder('int32', [null], 'y');
  let h: tf.Tensor = x;
  if (conv) {
    h = tf.layers.conv2d(h, {
      filters: 8,
      kernelSize: 3,
      padding: 'same',
      activation: tf.nn.relu,
      name: 'c1',
    });
    h = tf.layers.maxPooling2d(h, { poolSize: 2, strides: 2 });
    h = tf.layers.flatten(h);
  }
  h = tf.layers.dense(h, { units: 32, activation: tf.nn.relu, name: 'd1' });
  const logits = tf.layers.dense(h, { units: 4, name: 'd2' });
  const loss = tf.losses.sparseSoftmaxCrossEntropy(y, logits);
  return { train: new tf.train.AdamOptimizer({ learningRate: 0.01 }).minimize(loss), x, y };
}

/** Peak bytes above the start while `f` runs, every kernel's output counted (tfc.profile). */
async function peakOf(f: () => unknown): Promise<number> {
  const start = tfc.memory().numBytes;
  const info = await tfc.profile(() => {
    f();
  });
  return info.peakBytes - start;
}

describe.each([
  ['MLP', false],
  ['conv net', true],
] as const)('a %s training step (Adam, cpu)', (_name, conv) => {
  it('peaks no higher than the eager tfjs step (tfc.variableGrads + Adam) of the same model', async () => {
    const m = graphModel(conv);
    const sess = new tf.Session({ backend: 'cpu' });
    await sess.run(tf.globalVariablesInitializer());
    const xt = tfc.tensor(X, conv ? [B, 8, 8, 1] : [B, 64]);
    const yt = tfc.tensor1d(Y, 'int32');
    const feed = new Map<tf.Tensor, tfc.Tensor>([
      [m.x, xt],
      [m.y, yt],
    ]);
    await sess.run(m.train, feed); // compiles the plan
    const graphPeak = await peakOf(() => sess.runSync(m.train, feed));
    // What the session measures itself (between kernels) cannot exceed the per-kernel profile.
    expect(sess.lastRunStats!.peakBytes).toBeGreaterThan(0);
    expect(sess.lastRunStats!.peakBytes).toBeLessThanOrEqual(graphPeak);

    // The same model eagerly, from the session's current weights.
    const vars = new Map(tf.trainableVariables().map((v) => [v.name, v]));
    const values = (await sess.run([...vars.values()])) as tf.NDArray[];
    const w = new Map(
      [...vars.keys()].map((name, i) => [
        name,
        tfc.variable(tfc.tensor(values[i]!.data as Float32Array, [...values[i]!.shape])),
      ]),
    );
    const v = (name: string): tfc.Tensor => w.get(name)!;
    const loss = (): tfc.Scalar => {
      let a: tfc.Tensor = xt;
      if (conv) {
        a = tfc.relu(
          tfc.add(
            tfc.conv2d(a as tfc.Tensor4D, v('c1/kernel:0') as tfc.Tensor4D, 1, 'same'),
            v('c1/bias:0'),
          ),
        );
        a = tfc.reshape(tfc.maxPool(a as tfc.Tensor4D, 2, 2, 'valid'), [B, -1]);
      }
      a = tfc.relu(
        tfc.add(tfc.matMul(a as tfc.Tensor2D, v('d1/kernel:0') as tfc.Tensor2D), v('d1/bias:0')),
      );
      const logits = tfc.add(
        tfc.matMul(a as tfc.Tensor2D, v('d2/kernel:0') as tfc.Tensor2D),
        v('d2/bias:0'),
      );
      return tfc.losses.softmaxCrossEntropy(tfc.oneHot(yt, 4), logits);
    };
    const opt = tfc.train.adam(0.01);
    opt.minimize(loss); // creates Adam's moments
    const eagerPeak = await peakOf(() => opt.minimize(loss));
    expect(graphPeak).toBeLessThanOrEqual(eagerPeak);

    opt.dispose();
    w.forEach((t) => t.dispose());
    xt.dispose();
    yt.dispose();
    sess.close();
  });
});

describe('backward pass', () => {
  it('is pruned to what the train op needs (no input gradient for the first layer) and frees activations after their last reader', () => {
    const g = new tf.Graph();
    const { x, train } = g.asDefault(() => {
      const m = graphModel(true);
      return { x: m.x, train: m.train };
    });
    const p = compile(g, [], [train], [x, g.getTensorByName('y:0')], { backendName: 'cpu' });
    const names = p.steps.map((s) => s.name);
    expect(names.filter((n) => n.includes('Conv2DBackpropInput'))).toEqual([]);
    expect(names).toContain('gradients/c1/Conv2D_grad/Conv2DBackpropFilter');
    // The conv layer's activation is read by the pool, its gradient and the ReluGrad: it is
    // freed right after the last of them.
    const relu = p.steps.find((s) => s.ops.includes('c1/Relu'))!;
    const slot = relu.outputs[0]!;
    const readers = p.steps.filter((s) => s.inputs.includes(slot)).map((s) => s.name);
    expect(readers).toEqual([
      'max_pooling2d/MaxPool',
      'gradients/max_pooling2d/MaxPool_grad/MaxPoolGrad',
      'gradients/c1/Relu_grad/ReluGrad',
    ]);
    expect(p.steps.find((s) => s.free.includes(slot))!.name).toBe(
      'gradients/c1/Relu_grad/ReluGrad',
    );
  });
});
