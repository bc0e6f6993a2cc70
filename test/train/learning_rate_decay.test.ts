import { afterEach, describe, expect, it } from 'vitest';
import * as tf from '../../src/index.js';

afterEach(() => tf.resetDefaultGraph());

async function valueAt(t: tf.Tensor, step: tf.Variable, s: number, sess: tf.Session): Promise<number> {
  await sess.run(step.assign(s));
  return (await sess.run(t)).item() as number;
}

describe('learning rate schedules', () => {
  it('exponentialDecay follows lr * rate^(step/steps), floored with staircase', async () => {
    const step = tf.train.getOrCreateGlobalStep();
    const smooth = tf.train.exponentialDecay(0.1, step, 100, 0.5);
    const stairs = tf.train.exponentialDecay(0.1, step, 100, 0.5, { staircase: true });
    expect(smooth.op.name).toBe('ExponentialDecay');
    expect(stairs.op.name).toBe('ExponentialDecay_1');
    const sess = new tf.Session();
    await sess.run(tf.globalVariablesInitializer());
    for (const s of [0, 50, 100, 250]) {
      expect(await valueAt(smooth, step, s, sess)).toBeCloseTo(0.1 * 0.5 ** (s / 100), 6);
      expect(await valueAt(stairs, step, s, sess)).toBeCloseTo(0.1 * 0.5 ** Math.floor(s / 100), 6);
    }
    sess.close();
  });

  it('piecewiseConstant picks the interval value with TF1 boundary semantics (x <= b)', async () => {
    const step = tf.train.getOrCreateGlobalStep();
    const lr = tf.train.piecewiseConstant(step, [10, 20], [1.0, 0.5, 0.1]);
    const sess = new tf.Session();
    await sess.run(tf.globalVariablesInitializer());
    const got: number[] = [];
    for (const s of [0, 10, 11, 20, 21, 1000]) got.push(await valueAt(lr, step, s, sess));
    expect(got.map((v) => Math.fround(v))).toEqual([1, 1, 0.5, 0.5, 0.1, 0.1].map(Math.fround));
    expect(() => tf.train.piecewiseConstant(step, [10], [1])).toThrow(/boundaries should be 1 less/);
    sess.close();
  });

  it('drives an optimizer as a tensor learning rate', async () => {
    const step = tf.train.getOrCreateGlobalStep();
    const w = tf.getVariable('w', { shape: [], initializer: tf.constantInitializer(1) });
    const lr = tf.train.piecewiseConstant(step, [1], [0.5, 0.0]);
    const train = new tf.train.GradientDescentOptimizer(lr).minimize(tf.multiply(w, 1), { globalStep: step });
    const sess = new tf.Session();
    await sess.run(tf.globalVariablesInitializer());
    for (let i = 0; i < 3; i++) await sess.run(train);
    // Steps 0 and 1 use 0.5 (x <= 1), step 2 uses 0.
    expect((await sess.run(w)).item()).toBeCloseTo(0, 6);
    sess.close();
  });
});
