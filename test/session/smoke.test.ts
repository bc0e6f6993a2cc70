import { afterEach, describe, expect, it } from 'vitest';
import * as tf from '../../src/index.js';
import { numTensors } from '../util/leaks.js';

afterEach(() => tf.resetDefaultGraph());

describe('Session end to end', () => {
  it('runs placeholder -> getVariable -> matmul with TF names and values', async () => {
    const x = tf.placeholder('float32', [null, 3], 'x');
    const w = tf.getVariable('w', { shape: [3, 2], initializer: tf.constantInitializer(0.5) });
    const y = tf.matmul(x, w);
    expect(y.name).toBe('MatMul:0');
    expect(y.shape.toString()).toBe('(?, 2)');
    const before = numTensors();
    const sess = new tf.Session();
    await sess.run(tf.globalVariablesInitializer());
    const out = await sess.run(y, { 'x:0': [[1, 2, 3], [4, 5, 6]] });
    // Each row sums to 0.5 * (row sum).
    expect(out.shape).toEqual([2, 2]);
    expect(Array.from(out.data as Float32Array)).toEqual([3, 3, 7.5, 7.5]);
    expect(numTensors() - before).toBe(1); // only the variable
    sess.close();
    expect(numTensors()).toBe(before);
  });
});
