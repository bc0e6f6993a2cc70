import * as tfc from '@tensorflow/tfjs-core';
import { afterEach, describe, expect, it } from 'vitest';
import * as tf from '../../src/index.js';
import { numTensors } from '../util/leaks.js';

afterEach(() => tf.resetDefaultGraph());

describe('backend memory', () => {
  it('after any number of runs (ok and failing) only the variables remain; close frees them', async () => {
    const before = numTensors();
    const x = tf.placeholder('float32', [null, 3], 'x');
    const w = tf.getVariable('w', { shape: [3, 2] });
    const b = tf.getVariable('b', { shape: [2], initializer: tf.zerosInitializer() });
    const step = tf.getVariable('step', { shape: [], dtype: 'int32', trainable: false });
    const y = tf.add(tf.matmul(x, w), b, 'y');
    const loss = tf.reduceSum(y);
    const inc = tf.assignAdd(step, tf.constant(1, { dtype: 'int32' }));
    const p = tf.placeholder('float32', undefined, 'p');
    const bad = tf.assign(b, p);
    const init = tf.globalVariablesInitializer();
    const uninit = new tf.Variable(0, { name: 'never' });
    const sess = new tf.Session();
    await sess.run(init);
    const feed = { 'x:0': [[1, 2, 3], [4, 5, 6]] };
    const fedTensor = tfc.tensor2d([[1, 1, 1]]);
    const round = async (): Promise<void> => {
      await sess.run([y, loss, inc, y], feed);
      sess.runSync({ a: loss, b: [w, 'b:0'] }, feed);
      await sess.run(loss, new Map([[x, fedTensor]]));
      await sess.run(b.initializer);
      // Failures at every stage: before running (unfed / bad shape / bad cast) and mid-run.
      await expect(sess.run(loss)).rejects.toThrow(tf.InvalidArgumentError);
      await expect(sess.run(loss, { 'x:0': [[1, 2]] })).rejects.toThrow(tf.ValueError);
      await expect(sess.run(loss, { 'x:0': [['a', 'b', 'c']] })).rejects.toThrow(tf.ValueError);
      await expect(sess.run([inc, bad, y], { ...feed, 'p:0': [1, 2, 3] })).rejects.toThrow(tf.InvalidArgumentError);
      await expect(sess.run([y, uninit], feed)).rejects.toThrow(tf.FailedPreconditionError);
      await expect(sess.run([w, b, uninit])).rejects.toThrow(tf.FailedPreconditionError);
      expect(() => sess.runSync([inc, bad], { 'p:0': [1] })).toThrow(tf.InvalidArgumentError);
    };
    // The first round compiles every plan; plans hold what they folded (the initializer's
    // max - min, say) until close, and nothing else stays.
    await round();
    const afterFed = numTensors();
    for (let i = 0; i < 19; i++) await round();
    expect(numTensors() - afterFed).toBe(0);
    // w, b, step: three variables held by the session, plus the user's own fed tensor.
    const planConstants = sess.explain(init, undefined, { print: false }).constants.count;
    expect(planConstants).toBe(1);
    expect(numTensors() - before).toBe(4 + planConstants);
    expect((await sess.run(step)).item()).toBe(20);
    const callable = sess.makeCallable([loss, inc], [x]);
    for (let i = 0; i < 5; i++) await callable([[1, 1, 1]]);
    expect(numTensors() - afterFed).toBe(0);
    sess.close();
    fedTensor.dispose();
    expect(numTensors()).toBe(before);
  });

  it('a fetched value is read back and freed; fetching a fed value frees it too', async () => {
    const before = numTensors();
    const x = tf.placeholder('float32', [2], 'x');
    const sess = new tf.Session();
    for (let i = 0; i < 5; i++) {
      await sess.run([x, x], { 'x:0': [1, 2] });
      sess.runSync(x, { 'x:0': [1, 2] });
    }
    expect(numTensors()).toBe(before);
    sess.close();
  });

  it('two sessions hold their own copies; closing one leaves the other', async () => {
    const before = numTensors();
    const v = new tf.Variable([1, 2, 3], { name: 'v' });
    const a = new tf.Session();
    const b = new tf.Session();
    await a.run(v.initializer);
    await b.run(v.initializer);
    expect(numTensors() - before).toBe(2);
    a.close();
    expect((await b.run(v)).toArray()).toEqual([1, 2, 3]);
    b.close();
    expect(numTensors()).toBe(before);
  });
});
