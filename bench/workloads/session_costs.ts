import * as tfc from '@tensorflow/tfjs-core';
import * as tf from '../../src/index.js';
import { measure, median } from '../timing.js';

/** The Session's own costs: compiling a 500-op graph, an empty run, tensors held over 1000 steps. */

/** A deep narrow MLP's Adam training graph with at least `minOps` ops. */
function deepGraph(layers: number): {
  graph: tf.Graph;
  x: tf.Tensor;
  train: tf.Operation;
  init: tf.Operation;
} {
  const graph = new tf.Graph();
  return graph.asDefault(() => {
    const x = tf.placeholder('float32', [8, 16], 'x');
    let h = x;
    for (let i = 0; i < layers; i++)
      h = tf.layers.dense(h, { units: 16, activation: 'relu', name: `fc${i}` });
    const loss = tf.reduceMean(tf.square(h));
    const train = new tf.train.AdamOptimizer({ learningRate: 1e-3 }).minimize(loss);
    return { graph, x, train, init: tf.globalVariablesInitializer() };
  });
}

export interface CompileResult {
  ops: number;
  /** Ops the training run needs (the plan's input). */
  layers: number;
  buildMs: number;
  /** First run of a fresh session minus a steady run: compile (prune, passes, schedule, liveness). */
  compileMs: number;
  steadyMs: number;
}

export async function compile500(backend: string, quick: boolean): Promise<CompileResult> {
  let layers = 1;
  while (deepGraph(layers).graph.getOperations().length < 500) layers++;
  const t0 = performance.now();
  const m = deepGraph(layers);
  const buildMs = performance.now() - t0;
  const x = tfc.randomNormal([8, 16]);
  const firsts: number[] = [];
  const steadies: number[] = [];
  for (let rep = 0; rep < (quick ? 3 : 7); rep++) {
    const sess = new tf.Session({ graph: m.graph, backend });
    await sess.run(m.init);
    const a = performance.now();
    await sess.run(m.train, [[m.x, x]]);
    firsts.push(performance.now() - a);
    const steady = await measure(() => sess.run(m.train, [[m.x, x]]), { warmup: 1, runs: 10 });
    steadies.push(steady.median);
    sess.close();
  }
  x.dispose();
  // The first session also pays the backend's first-call costs of each kernel: skip it.
  const f = median(firsts.slice(1));
  const s = median(steadies.slice(1));
  return { ops: m.graph.getOperations().length, layers, buildMs, compileMs: f - s, steadyMs: s };
}

export interface EmptyRunResult {
  runSyncUs: number;
  runAsyncUs: number;
  n: number;
}

/** A run whose only target is a NoOp: the fixed cost of sess.runSync / sess.run. */
export async function emptyRun(backend: string): Promise<EmptyRunResult> {
  const graph = new tf.Graph();
  const noop = graph.asDefault(() => tf.noOp('nothing'));
  const sess = new tf.Session({ graph, backend });
  await sess.run(noop);
  const n = 2000;
  const sync = await measure(() => sess.runSync(noop), { warmup: 200, runs: n });
  const asyncT = await measure(() => sess.run(noop), { warmup: 200, runs: n });
  sess.close();
  return { runSyncUs: sync.median * 1000, runAsyncUs: asyncT.median * 1000, n };
}

export interface TensorCountResult {
  steps: number;
  /** tfc.memory().numTensors after steps 1, 10, 100, ..., `steps`. */
  counts: { step: number; tensors: number }[];
  afterClose: number;
  before: number;
  ms: number;
}

/** A small MLP trained 1000 steps: the live tensor count must not grow. */
export async function tensorCount(backend: string, steps: number): Promise<TensorCountResult> {
  const graph = new tf.Graph();
  const m = graph.asDefault(() => {
    tf.setRandomSeed(3);
    const x = tf.placeholder('float32', [16, 32], 'x');
    const y = tf.placeholder('float32', [16, 4], 'y');
    const h = tf.layers.dense(x, { units: 16, activation: 'relu' });
    const logits = tf.layers.dense(h, { units: 4 });
    const loss = tf.losses.softmaxCrossEntropy(y, logits);
    return {
      x,
      y,
      loss,
      train: new tf.train.AdamOptimizer().minimize(loss),
      init: tf.globalVariablesInitializer(),
    };
  });
  const xs = tfc.randomNormal([16, 32]);
  const ys = tfc.tidy(() =>
    tfc.cast(
      tfc.oneHot(tfc.tensor1d([0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3], 'int32'), 4),
      'float32',
    ),
  );
  const before = tfc.memory().numTensors;
  const sess = new tf.Session({ graph, backend });
  await sess.run(m.init);
  const step = sess.makeCallable([m.train, m.loss], [m.x, m.y]);
  const counts: { step: number; tensors: number }[] = [];
  const t0 = performance.now();
  for (let i = 1; i <= steps; i++) {
    await step(xs, ys);
    if (i === 1 || i === 10 || i === 100 || i === steps)
      counts.push({ step: i, tensors: tfc.memory().numTensors });
  }
  const ms = performance.now() - t0;
  sess.close();
  const afterClose = tfc.memory().numTensors;
  xs.dispose();
  ys.dispose();
  return { steps, counts, afterClose, before, ms };
}
