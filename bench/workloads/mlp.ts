import * as tfc from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import * as tf from '../../src/index.js';
import type { Runner } from './runner.js';

/**
 * A small MLP: [128, 784] -> dense 256 relu -> dense 10, softmax cross-entropy against one-hot
 * labels, Adam (1e-3).
 */

const B = 128;
const LR = 1e-3;

export function mlpData(): { x: tfc.Tensor2D; labels: tfc.Tensor2D } {
  const x = tfc.randomUniform([B, 784], 0, 1, 'float32', 3) as tfc.Tensor2D;
  const cls = tfc.randomUniform([B], 0, 10, 'int32', 4) as tfc.Tensor1D;
  const labels = tfc.tidy(() => tfc.cast(tfc.oneHot(cls, 10), 'float32')) as tfc.Tensor2D;
  cls.dispose();
  return { x, labels };
}

export function mlpGraph(): {
  graph: tf.Graph;
  x: tf.Tensor;
  labels: tf.Tensor;
  logits: tf.Tensor;
  loss: tf.Tensor;
  train: tf.Operation;
} {
  const graph = new tf.Graph();
  return graph.asDefault(() => {
    tf.setRandomSeed(1);
    const x = tf.placeholder('float32', [B, 784], 'x');
    const labels = tf.placeholder('float32', [B, 10], 'labels');
    const h = tf.layers.dense(x, { units: 256, activation: 'relu', name: 'fc1' });
    const logits = tf.layers.dense(h, { units: 10, name: 'fc2' });
    const loss = tf.losses.softmaxCrossEntropy(labels, logits);
    const train = new tf.train.AdamOptimizer({ learningRate: LR }).minimize(loss);
    return { graph, x, labels, logits, loss, train };
  });
}

export async function mlpTfgraph(
  backend: string,
  d: { x: tfc.Tensor; labels: tfc.Tensor },
): Promise<Runner & { session: tf.Session }> {
  const m = mlpGraph();
  const session = new tf.Session({ graph: m.graph, backend });
  await session.run(m.graph.asDefault(() => tf.globalVariablesInitializer()));
  const step = session.makeCallable([m.train, m.loss], [m.x, m.labels]);
  const fwd = session.makeCallable(m.logits, [m.x]);
  return {
    session,
    train: () => step(d.x, d.labels),
    infer: () => fwd(d.x),
    dispose: () => session.close(),
  };
}

function glorot(shape: [number, number], seed: number): tfc.Variable {
  const lim = Math.sqrt(6 / (shape[0] + shape[1]));
  // tidy frees the initial value (the variable keeps its own reference).
  return tfc.tidy(() => tfc.variable(tfc.randomUniform(shape, -lim, lim, 'float32', seed)));
}

export function mlpEager(d: { x: tfc.Tensor2D; labels: tfc.Tensor2D }): Runner {
  const v = {
    w1: glorot([784, 256], 1),
    b1: tfc.tidy(() => tfc.variable(tfc.zeros([256]))),
    w2: glorot([256, 10], 2),
    b2: tfc.tidy(() => tfc.variable(tfc.zeros([10]))),
  };
  const forward = (): tfc.Tensor2D =>
    tfc.add(tfc.matMul(tfc.relu(tfc.add(tfc.matMul(d.x, v.w1), v.b1)) as tfc.Tensor2D, v.w2), v.b2);
  const opt = tfc.train.adam(LR);
  return {
    train: () => {
      const loss = tfc.tidy(() => {
        const { value, grads } = tfc.variableGrads(
          () => tfc.losses.softmaxCrossEntropy(d.labels, forward()) as tfc.Scalar,
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

export function mlpLayers(d: { x: tfc.Tensor2D; labels: tfc.Tensor2D }): Runner {
  const model = tfl.sequential({
    layers: [
      tfl.layers.dense({ inputShape: [784], units: 256, activation: 'relu' }),
      tfl.layers.dense({ units: 10 }),
    ],
  });
  const opt = tfc.train.adam(LR);
  model.compile({
    optimizer: opt,
    loss: (yTrue: tfc.Tensor, yPred: tfc.Tensor) => tfc.losses.softmaxCrossEntropy(yTrue, yPred),
  });
  return {
    train: () => model.trainOnBatch(d.x, d.labels),
    infer: () => {
      const y = model.predict(d.x) as tfc.Tensor;
      y.dataSync();
      y.dispose();
    },
    dispose: () => {
      model.dispose();
      opt.dispose();
    },
  };
}
