import { afterEach, describe, expect, it } from 'vitest';
import * as tf from '../../src/index.js';
import { numTensors } from '../util/leaks.js';
import { randomArray } from '../util/op_cases.js';

afterEach(() => tf.resetDefaultGraph());

describe('layers in a training loop', () => {
  it('conv -> batch norm -> pool -> flatten -> dense trains, with the UPDATE_OPS run by the train op', async () => {
    const x = tf.placeholder('float32', [null, 6, 6, 2], 'x');
    const target = tf.placeholder('float32', [null, 3], 'target');
    const training = tf.placeholder('bool', [], 'training');
    let h = tf.layers.conv2d(x, {
      filters: 4,
      kernelSize: 3,
      padding: 'same',
      activation: 'relu',
      name: 'conv',
    });
    h = tf.layers.batchNormalization(h, { training, name: 'bn' });
    h = tf.layers.maxPooling2d(h, { poolSize: 2, strides: 2 });
    h = tf.layers.flatten(h);
    const logits = tf.layers.dense(h, { units: 3, name: 'logits' });
    expect(logits.shape.toString()).toBe('(?, 3)');
    const loss = tf.reduceMean(tf.square(tf.subtract(logits, target)));
    const updates = tf.getCollection<tf.Operation>(tf.GraphKeys.UPDATE_OPS);
    expect(updates.map((u) => u.name)).toEqual(['bn/AssignMovingAvg', 'bn/AssignMovingAvg_1']);
    const trainOp = tf.controlDependencies(updates, () =>
      new tf.train.GradientDescentOptimizer(0.05).minimize(loss),
    );
    expect(tf.trainableVariables().map((v) => v.name)).toEqual([
      'conv/kernel:0',
      'conv/bias:0',
      'bn/gamma:0',
      'bn/beta:0',
      'logits/kernel:0',
      'logits/bias:0',
    ]);

    const before = numTensors();
    const sess = new tf.Session();
    await sess.run(tf.globalVariablesInitializer());
    const feed = new Map<tf.Tensor, tf.NDArray | boolean>([
      [x, new tf.NDArray('float32', [4, 6, 6, 2], randomArray(4 * 72, 1))],
      [target, new tf.NDArray('float32', [4, 3], randomArray(12, 2))],
      [training, true],
    ]);
    const first = Number((await sess.run(loss, feed)).item());
    for (let i = 0; i < 8; i++) await sess.run(trainOp, feed);
    const last = Number((await sess.run(loss, feed)).item());
    const mm = (
      await sess.run(tf.globalVariables().find((v) => v.name === 'bn/moving_mean:0')!)
    ).toArray() as number[];
    sess.close();
    expect(numTensors()).toBe(before);
    expect(Number.isFinite(first)).toBe(true);
    expect(last).toBeLessThan(first);
    // The moving mean moved away from its initial zeros.
    expect(mm.some((v) => v !== 0)).toBe(true);
  });
});
