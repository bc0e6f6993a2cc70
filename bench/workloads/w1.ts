import * as tfc from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import * as tf from '../../src/index.js';
import { eagerConvs, type EagerConvVariant } from '../conv_filter_grad.js';
import type { Runner } from './runner.js';

/**
 * W1 (issue 6): a conv autoencoder on [32, 28, 28, 1]: conv 5x5x32 relu -> conv 5x5x64 stride 2
 * relu -> conv2dTranspose 5x5 -> 32 stride 2 -> conv 3x3x1, mean squared error against the
 * input, Adam (learning rate 1e-3). All convolutions SAME with biases, NHWC.
 */

export const W1_BATCH = 32;
const LR = 1e-3;

export function w1Input(): tfc.Tensor4D {
  return tfc.randomUniform([W1_BATCH, 28, 28, 1], 0, 1, 'float32', 7) as tfc.Tensor4D;
}

/** The TF1-style graph: placeholders, tf.layers, tf.losses, tf.train.AdamOptimizer. */
export function w1Graph(): {
  graph: tf.Graph;
  x: tf.Tensor;
  y: tf.Tensor;
  loss: tf.Tensor;
  train: tf.Operation;
} {
  const graph = new tf.Graph();
  return graph.asDefault(() => {
    tf.setRandomSeed(1);
    const x = tf.placeholder('float32', [W1_BATCH, 28, 28, 1], 'x');
    const h1 = tf.layers.conv2d(x, {
      filters: 32,
      kernelSize: 5,
      padding: 'same',
      activation: 'relu',
      name: 'conv1',
    });
    const h2 = tf.layers.conv2d(h1, {
      filters: 64,
      kernelSize: 5,
      strides: 2,
      padding: 'same',
      activation: 'relu',
      name: 'conv2',
    });
    const h3 = tf.layers.conv2dTranspose(h2, {
      filters: 32,
      kernelSize: 5,
      strides: 2,
      padding: 'same',
      name: 'deconv',
    });
    const y = tf.layers.conv2d(h3, { filters: 1, kernelSize: 3, padding: 'same', name: 'out' });
    const loss = tf.losses.meanSquaredError(x, y);
    const train = new tf.train.AdamOptimizer({ learningRate: LR }).minimize(loss);
    return { graph, x, y, loss, train };
  });
}

export interface TfgraphRunner extends Runner {
  session: tf.Session;
  /** The training plan's per-backend lowerings, as session.explain reports them. */
  lowerings(): { step: string; type: string; lowering: string }[];
}

export async function w1Tfgraph(backend: string, x: tfc.Tensor): Promise<TfgraphRunner> {
  const m = w1Graph();
  const session = new tf.Session({ graph: m.graph, backend });
  await session.run(m.graph.asDefault(() => tf.globalVariablesInitializer()));
  const step = session.makeCallable([m.train, m.loss], [m.x]);
  const fwd = session.makeCallable(m.y, [m.x]);
  return {
    session,
    train: () => step(x),
    infer: () => fwd(x),
    lowerings: () =>
      session
        .explain([m.train, m.loss], [[m.x, x]], { print: false })
        .lowerings.map((l) => ({ step: l.step, type: l.type, lowering: l.lowering })),
    dispose: () => session.close(),
  };
}

function glorot(shape: number[], fanIn: number, fanOut: number, seed: number): tfc.Variable {
  const lim = Math.sqrt(6 / (fanIn + fanOut));
  // tidy frees the initial value (the variable keeps its own reference).
  return tfc.tidy(() => tfc.variable(tfc.randomUniform(shape, -lim, lim, 'float32', seed)));
}

/** The same model hand-written with eager tfjs-core: tfc.variableGrads + tfc.train.adam. */
export function w1Eager(x: tfc.Tensor4D, variant: EagerConvVariant): Runner {
  const c = eagerConvs(variant);
  const v = {
    w1: glorot([5, 5, 1, 32], 25, 800, 1),
    b1: tfc.tidy(() => tfc.variable(tfc.zeros([32]))),
    w2: glorot([5, 5, 32, 64], 800, 1600, 2),
    b2: tfc.tidy(() => tfc.variable(tfc.zeros([64]))),
    // conv2dTranspose's filter is [h, w, out, in].
    w3: glorot([5, 5, 32, 64], 1600, 800, 3),
    b3: tfc.tidy(() => tfc.variable(tfc.zeros([32]))),
    w4: glorot([3, 3, 32, 1], 288, 9, 4),
    b4: tfc.tidy(() => tfc.variable(tfc.zeros([1]))),
  };
  const forward = (): tfc.Tensor4D => {
    const h1 = tfc.relu(
      tfc.add(c.conv2d(x, v.w1 as tfc.Tensor4D, 1, 'same'), v.b1),
    ) as tfc.Tensor4D;
    const h2 = tfc.relu(
      tfc.add(c.conv2d(h1, v.w2 as tfc.Tensor4D, 2, 'same'), v.b2),
    ) as tfc.Tensor4D;
    const h3 = tfc.add(
      c.conv2dTranspose(h2, v.w3 as tfc.Tensor4D, [W1_BATCH, 28, 28, 32], 2, 'same'),
      v.b3,
    ) as tfc.Tensor4D;
    return tfc.add(c.conv2d(h3, v.w4 as tfc.Tensor4D, 1, 'same'), v.b4) as tfc.Tensor4D;
  };
  const opt = tfc.train.adam(LR);
  return {
    train: () => {
      const loss = tfc.tidy(() => {
        const { value, grads } = tfc.variableGrads(
          () => tfc.losses.meanSquaredError(x, forward()) as tfc.Scalar,
        );
        opt.applyGradients(Object.entries(grads).map(([name, tensor]) => ({ name, tensor })));
        return value;
      });
      loss.dataSync();
      loss.dispose();
    },
    infer: () => {
      const y = tfc.tidy(forward);
      y.dataSync();
      y.dispose();
    },
    dispose: () => {
      Object.values(v).forEach((t) => t.dispose());
      opt.dispose();
    },
  };
}

/** The same model in @tensorflow/tfjs-layers: trainOnBatch / predict. */
export function w1Layers(x: tfc.Tensor4D, canTrain: boolean, trainNote?: string): Runner {
  const model = tfl.sequential({
    layers: [
      tfl.layers.conv2d({
        inputShape: [28, 28, 1],
        filters: 32,
        kernelSize: 5,
        padding: 'same',
        activation: 'relu',
      }),
      tfl.layers.conv2d({
        filters: 64,
        kernelSize: 5,
        strides: 2,
        padding: 'same',
        activation: 'relu',
      }),
      tfl.layers.conv2dTranspose({ filters: 32, kernelSize: 5, strides: 2, padding: 'same' }),
      tfl.layers.conv2d({ filters: 1, kernelSize: 3, padding: 'same' }),
    ],
  });
  const opt = tfc.train.adam(LR);
  model.compile({ optimizer: opt, loss: 'meanSquaredError' });
  return {
    train: canTrain ? () => model.trainOnBatch(x, x) : null,
    ...(trainNote ? { trainNote } : {}),
    infer: () => {
      const y = model.predict(x) as tfc.Tensor;
      y.dataSync();
      y.dispose();
    },
    dispose: () => {
      model.dispose();
      opt.dispose();
    },
  };
}
