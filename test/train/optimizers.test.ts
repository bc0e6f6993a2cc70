import * as tfc from '@tensorflow/tfjs-core';
import { afterEach, describe, expect, it } from 'vitest';
import * as tf from '../../src/index.js';
import { expectClose } from '../util/op_cases.js';

afterEach(() => tf.resetDefaultGraph());

const X = [0.5, -1.0, 2.0];
const Y = [1.0, 0.25, -0.5];
const W0 = [0.3, -0.2, 0.1];
const B0 = 0.05;

/** loss = sum((w*x + b - y)^2): gradients 2e*x for w and 2*sum(e) for b. */
function referenceGrads(w: number[], b: number): [number[], number] {
  const e = w.map((wi, i) => wi * X[i]! + b - Y[i]!);
  return [e.map((ei, i) => 2 * ei * X[i]!), 2 * e.reduce((a, c) => a + c, 0)];
}

type Update = (p: number[], g: number[], state: Record<string, number[]>, t: number) => number[];

/** Runs `steps` reference updates on [w..., b] flattened. */
function reference(update: Update, steps: number, init: (n: number) => Record<string, number[]>): number[] {
  let p = [...W0, B0];
  const state = init(p.length);
  for (let t = 1; t <= steps; t++) {
    const [gw, gb] = referenceGrads(p.slice(0, 3), p[3]!);
    p = update(p, [...gw, gb], state, t);
  }
  return p;
}

const zeros = (n: number): number[] => new Array<number>(n).fill(0);

const CASES: { name: string; make: () => tf.train.Optimizer; update: Update; init: (n: number) => Record<string, number[]>; slots: string[] }[] = [
  {
    name: 'GradientDescent',
    make: () => new tf.train.GradientDescentOptimizer(0.1),
    update: (p, g) => p.map((x, i) => x - 0.1 * g[i]!),
    init: () => ({}),
    slots: [],
  },
  {
    name: 'Momentum',
    make: () => new tf.train.MomentumOptimizer(0.05, 0.9),
    update: (p, g, s) => p.map((x, i) => {
      s['a']![i] = s['a']![i]! * 0.9 + g[i]!;
      return x - 0.05 * s['a']![i]!;
    }),
    init: (n) => ({ a: zeros(n) }),
    slots: ['momentum'],
  },
  {
    name: 'Momentum (Nesterov)',
    make: () => new tf.train.MomentumOptimizer(0.05, 0.9, { useNesterov: true }),
    update: (p, g, s) => p.map((x, i) => {
      s['a']![i] = s['a']![i]! * 0.9 + g[i]!;
      return x - (0.05 * g[i]! + 0.05 * 0.9 * s['a']![i]!);
    }),
    init: (n) => ({ a: zeros(n) }),
    slots: ['momentum'],
  },
  {
    name: 'Adam',
    make: () => new tf.train.AdamOptimizer({ learningRate: 0.1 }),
    update: (p, g, s, t) => {
      const lrT = (0.1 * Math.sqrt(1 - 0.999 ** t)) / (1 - 0.9 ** t);
      return p.map((x, i) => {
        s['m']![i] = 0.9 * s['m']![i]! + 0.1 * g[i]!;
        s['v']![i] = 0.999 * s['v']![i]! + 0.001 * g[i]! ** 2;
        return x - (lrT * s['m']![i]!) / (Math.sqrt(s['v']![i]!) + 1e-8);
      });
    },
    init: (n) => ({ m: zeros(n), v: zeros(n) }),
    slots: ['m', 'v'],
  },
  {
    name: 'RMSProp (momentum)',
    make: () => new tf.train.RMSPropOptimizer(0.01, { momentum: 0.5 }),
    update: (p, g, s) => p.map((x, i) => {
      s['ms']![i] = 0.9 * s['ms']![i]! + 0.1 * g[i]! ** 2;
      s['mom']![i] = 0.5 * s['mom']![i]! + (0.01 * g[i]!) / Math.sqrt(s['ms']![i]! + 1e-10);
      return x - s['mom']![i]!;
    }),
    init: (n) => ({ ms: new Array<number>(n).fill(1), mom: zeros(n) }),
    slots: ['momentum', 'rms'],
  },
  {
    name: 'RMSProp (centered)',
    make: () => new tf.train.RMSPropOptimizer(0.01, { centered: true, epsilon: 1e-6 }),
    update: (p, g, s) => p.map((x, i) => {
      s['mg']![i] = 0.9 * s['mg']![i]! + 0.1 * g[i]!;
      s['ms']![i] = 0.9 * s['ms']![i]! + 0.1 * g[i]! ** 2;
      s['mom']![i] = (0.01 * g[i]!) / Math.sqrt(s['ms']![i]! - s['mg']![i]! ** 2 + 1e-6);
      return x - s['mom']![i]!;
    }),
    init: (n) => ({ ms: new Array<number>(n).fill(1), mg: zeros(n), mom: zeros(n) }),
    slots: ['mg', 'momentum', 'rms'],
  },
  {
    name: 'Adagrad',
    make: () => new tf.train.AdagradOptimizer(0.2),
    update: (p, g, s) => p.map((x, i) => {
      s['acc']![i] = s['acc']![i]! + g[i]! ** 2;
      return x - (0.2 * g[i]!) / Math.sqrt(s['acc']![i]!);
    }),
    init: (n) => ({ acc: new Array<number>(n).fill(0.1) }),
    slots: ['accumulator'],
  },
];

function buildProblem() {
  const w = tf.getVariable('w', { shape: [3], initializer: tf.constantInitializer(W0) });
  const b = tf.getVariable('b', { shape: [], initializer: tf.constantInitializer(B0) });
  const e = tf.subtract(tf.add(tf.multiply(w, X), b), Y);
  const loss = tf.reduceSum(tf.multiply(e, e));
  return { w, b, loss };
}

describe('optimizers match their TF1 update rules over several steps', () => {
  it.each(CASES)('$name', async (c) => {
    const { w, b, loss } = buildProblem();
    const opt = c.make();
    const train = opt.minimize(loss);
    expect(opt.getSlotNames()).toEqual(c.slots);
    const sess = new tf.Session();
    await sess.run(tf.globalVariablesInitializer());
    // The first step compiles the plan, which keeps what it folded (until close).
    await sess.run(train);
    const before = tfc.memory().numTensors;
    for (let i = 0; i < 4; i++) await sess.run(train);
    // A step allocates no new persistent tensors.
    expect(tfc.memory().numTensors).toBe(before);
    const [wv, bv] = await sess.run([w, b]);
    expectClose([...Array.from(wv.data as Float32Array), bv.item() as number], reference(c.update, 5, c.init), 2e-5, c.name);
    sess.close();
  });
});

describe('optimizer graph structure as TF1 builds it', () => {
  it('names Adam slots, beta powers and update ops like TF1', () => {
    const x = tf.placeholder('float32', [null, 2], 'x');
    const kernel = tf.variableScope('dense', () => tf.getVariable('kernel', { shape: [2, 1] }));
    const loss = tf.reduceSum(tf.matmul(x, kernel));
    const step = tf.train.getOrCreateGlobalStep();
    const opt = new tf.train.AdamOptimizer();
    const train = opt.minimize(loss, { globalStep: step });
    expect(opt.getSlot(kernel, 'm')!.name).toBe('dense/kernel/Adam:0');
    expect(opt.getSlot(kernel, 'v')!.name).toBe('dense/kernel/Adam_1:0');
    expect(train.name).toBe('Adam');
    expect(train.type).toBe('AssignAdd');
    const names = tf.getDefaultGraph().getOperations().map((o) => o.name);
    for (const n of ['beta1_power', 'beta2_power', 'Adam/learning_rate', 'Adam/beta1', 'Adam/update_dense/kernel/ApplyAdam', 'Adam/update', 'dense/kernel/Adam/Initializer/zeros']) {
      expect(names).toContain(n);
    }
    const globals = tf.globalVariables().map((v) => v.name);
    expect(globals).toEqual(expect.arrayContaining(['dense/kernel/Adam:0', 'dense/kernel/Adam_1:0', 'beta1_power:0', 'beta2_power:0', 'global_step:0']));
    expect(tf.trainableVariables().map((v) => v.name)).toEqual(['dense/kernel:0']);
    expect(tf.getCollection(tf.GraphKeys.TRAIN_OP)).toEqual([train]);
  });

  it('names Momentum, RMSProp and Adagrad slots like TF1', () => {
    const w = tf.getVariable('w', { shape: [2] });
    const loss = tf.reduceSum(tf.multiply(w, w));
    const m = new tf.train.MomentumOptimizer(0.1, 0.9);
    m.minimize(loss);
    expect(m.getSlot(w, 'momentum')!.name).toBe('w/Momentum:0');
    const r = new tf.train.RMSPropOptimizer(0.1, { centered: true });
    r.minimize(loss);
    expect([r.getSlot(w, 'rms')!.name, r.getSlot(w, 'mg')!.name, r.getSlot(w, 'momentum')!.name]).toEqual(['w/RMSProp:0', 'w/RMSProp_1:0', 'w/RMSProp_2:0']);
    const a = new tf.train.AdagradOptimizer(0.1);
    a.minimize(loss);
    expect(a.getSlot(w, 'accumulator')!.name).toBe('w/Adagrad:0');
  });

  it('increments the global step in the train op, honours varList and tensor learning rates', async () => {
    const { w, b, loss } = buildProblem();
    const step = tf.train.getOrCreateGlobalStep();
    const lr = tf.placeholder('float32', [], 'lr');
    const train = new tf.train.GradientDescentOptimizer(lr).minimize(loss, { globalStep: step, varList: [w] });
    const sess = new tf.Session();
    await sess.run(tf.globalVariablesInitializer());
    await sess.run(train, { 'lr:0': 0.1 });
    await sess.run(train, { 'lr:0': 0 });
    const [wv, bv, s] = await sess.run([w, b, step]);
    expect(s.item()).toBe(2);
    expect(bv.item()).toBeCloseTo(B0, 6);
    const [gw] = referenceGrads(W0, B0);
    expectClose(wv.data as Float32Array, W0.map((x, i) => x - 0.1 * gw[i]!), 1e-5);
    sess.close();
  });

  it('applies a variable constraint after the update, and runs UPDATE_OPS via controlDependencies', async () => {
    const w = tf.getVariable('w', { shape: [2], initializer: tf.constantInitializer(1), constraint: (v) => tf.multiply(v, 0.5) });
    const counter = tf.getVariable('counter', { shape: [], initializer: tf.zerosInitializer(), trainable: false });
    tf.addToCollection(tf.GraphKeys.UPDATE_OPS, counter.assignAdd(1).op);
    const loss = tf.reduceSum(tf.multiply(w, w));
    const train = tf.controlDependencies(tf.getCollection(tf.GraphKeys.UPDATE_OPS), () => new tf.train.GradientDescentOptimizer(0.25).minimize(loss));
    const sess = new tf.Session();
    await sess.run(tf.globalVariablesInitializer());
    await sess.run(train);
    const [wv, c] = await sess.run([w, counter]);
    // 1 - 0.25 * 2 = 0.5, then the constraint halves it.
    expect(Array.from(wv.data as Float32Array)).toEqual([0.25, 0.25]);
    expect(c.item()).toBe(1);
    sess.close();
  });

  it('throws TF1 errors for a loss without gradients and an integer loss', () => {
    tf.getVariable('w', { shape: [2] });
    const unrelated = tf.reduceSum(tf.placeholder('float32', [2]));
    expect(() => new tf.train.GradientDescentOptimizer(0.1).minimize(unrelated)).toThrow(/No gradients provided for any variable/);
    const intLoss = tf.reduceSum(tf.placeholder('int32', [2]));
    expect(() => new tf.train.GradientDescentOptimizer(0.1).minimize(intLoss)).toThrow(tf.ValueError);
  });
});
