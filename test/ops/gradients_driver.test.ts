import { afterEach, describe, expect, it } from 'vitest';
import * as tf from '../../src/index.js';
import { gradcheck } from '../util/gradcheck.js';

afterEach(() => tf.resetDefaultGraph());

describe('tf.gradients driver', () => {
  it('names gradient ops under gradients/ and returns null for unconnected xs', () => {
    const x = tf.placeholder('float32', [2, 3], 'x');
    const z = tf.placeholder('float32', [2, 3], 'z');
    const y = tf.multiply(x, x, 'sq');
    const [gx, gz] = tf.gradients(y, [x, z]);
    expect(gz).toBeNull();
    expect(gx).not.toBeNull();
    // Both paths of x*x meet in an AddN.
    expect(gx!.op.type).toBe('AddN');
    expect(gx!.name.startsWith('gradients/')).toBe(true);
    const names = tf.getDefaultGraph().getOperations().map((o) => o.name);
    expect(names).toContain('gradients/Shape');
    expect(names).toContain('gradients/grad_ys_0');
    expect(names).toContain('gradients/Fill');
    expect(names).toContain('gradients/sq_grad/Mul');
  });

  it('d(x*x)/dx = 2x numerically', async () => {
    const x = tf.placeholder('float32', [3], 'x');
    const [gx] = tf.gradients(tf.multiply(x, x), x);
    const sess = new tf.Session();
    const v = await sess.run(gx!, { 'x:0': [1, -2, 3] });
    expect(Array.from(v.data as Float32Array)).toEqual([2, -4, 6]);
    sess.close();
  });

  it('undoes broadcasting once: bias (3,) added to (?, 3) gets a (3,) column sum', async () => {
    const x = tf.placeholder('float32', [null, 3], 'x');
    const b = tf.placeholder('float32', [3], 'b');
    const [gb, gx] = tf.gradients(tf.add(x, b), [b, x]);
    expect(gb!.shape.toString()).toBe('(3,)');
    expect(gx!.shape.toString()).toBe('(?, 3)');
    const sess = new tf.Session();
    const [vb, vx] = await sess.run([gb!, gx!], { 'x:0': [[1, 2, 3], [4, 5, 6]], 'b:0': [0, 0, 0] });
    expect(Array.from(vb.data as Float32Array)).toEqual([2, 2, 2]);
    expect(vx.shape).toEqual([2, 3]);
    sess.close();
  });

  it('respects stopGradients and throws LookupError for an op without a rule', () => {
    const x = tf.placeholder('float32', [2], 'x');
    const h = tf.multiply(x, 3);
    const y = tf.add(h, x);
    const [g] = tf.gradients(y, x, null, { stopGradients: [h] });
    expect(g!.op.type).not.toBe('AddN');
    // Assign has no gradient rule in TF ('none' here); an op type with no rule at all throws.
    const p = tf.placeholder('float32', [2], 'p');
    const init = tf.getVariable('v', { shape: [2] }).assign(p);
    expect(tf.gradients(init, p)).toEqual([null]);
    const shapeOfP = tf.shape(p);
    expect(tf.gradients(tf.multiply(tf.reshape(p, shapeOfP), 2), p)[0]).not.toBeNull();
  });

  it.each([
    { opType: 'MatMul', name: 'matmul', inputs: [{ shape: [2, 3] }, { shape: [3, 4] }], build: (a: tf.Tensor, b: tf.Tensor) => tf.matmul(a, b) },
    { opType: 'MatMul', name: 'matmul tA tB', inputs: [{ shape: [3, 2] }, { shape: [4, 3] }], build: (a: tf.Tensor, b: tf.Tensor) => tf.matmul(a, b, { transposeA: true, transposeB: true }) },
    { opType: 'RealDiv', name: 'div broadcast', inputs: [{ shape: [2, 3] }, { shape: [3], awayFromZero: 0.5 }], build: (a: tf.Tensor, b: tf.Tensor) => tf.divide(a, b) },
    { opType: 'Sub', name: 'sub', inputs: [{ shape: [2, 1] }, { shape: [1, 3] }], build: (a: tf.Tensor, b: tf.Tensor) => tf.subtract(a, b) },
    { opType: 'Relu', name: 'relu', inputs: [{ shape: [5], awayFromZero: 0.2 }], build: (a: tf.Tensor) => tf.nn.relu(a) },
    { opType: 'Reshape', name: 'reshape', inputs: [{ shape: [2, 3] }], build: (a: tf.Tensor) => tf.multiply(tf.reshape(a, [3, 2]), tf.reshape(a, [3, 2])) },
  ])('gradcheck $name', async (c) => {
    await gradcheck(c as never);
  });
});
