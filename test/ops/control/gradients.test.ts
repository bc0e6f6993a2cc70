import * as tfc from '@tensorflow/tfjs-core';
import { afterEach, describe, expect, it } from 'vitest';
import * as tf from '../../../src/index.js';
import { gradcheck } from '../../util/gradcheck.js';
import { expectClose } from '../../util/op_cases.js';
import { GRAD_CASES } from './grad_cases.js';

afterEach(() => tf.resetDefaultGraph());

async function inSession(fn: (sess: tf.Session, g: tf.Graph) => Promise<void>): Promise<void> {
  const g = new tf.Graph();
  const before = tfc.memory().numTensors;
  await g.asDefault(async () => {
    const sess = new tf.Session({ graph: g, backend: 'cpu' });
    try {
      await fn(sess, g);
    } finally {
      sess.close();
    }
  });
  expect(tfc.memory().numTensors, 'leaked tensors').toBe(before);
}

const int = (v: number): tf.Tensor => tf.constant(v, { dtype: 'int32' });

describe('control flow gradcheck', () => {
  it.each(GRAD_CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    await gradcheck(c);
  });
});

describe('control flow gradients: closed forms', () => {
  it('d/dx of a cond whose branches are x*x and 3x is 2x or 3', async () => {
    await inSession(async (sess) => {
      const x = tf.placeholder('float32', [3], 'x');
      const p = tf.placeholder('bool', [], 'p');
      const y = tf.cond(
        p,
        () => tf.multiply(x, x),
        () => tf.multiply(3, x),
      );
      const [gx] = tf.gradients(y, x);
      expect(gx!.name.startsWith('gradients/cond_grad/If')).toBe(true);
      expect(gx!.shape.toString()).toBe('(3,)');
      expect((await sess.run(gx!, { 'x:0': [1, -2, 0.5], 'p:0': true })).toArray()).toEqual([
        2, -4, 1,
      ]);
      expect((await sess.run(gx!, { 'x:0': [1, -2, 0.5], 'p:0': false })).toArray()).toEqual([
        3, 3, 3,
      ]);
    });
  });

  it('d/dx of x squared n times is 2^n x^(2^n - 1), for a fed n', async () => {
    await inSession(async (sess) => {
      const x = tf.placeholder('float32', [], 'x');
      const n = tf.placeholder('int32', [], 'n');
      const [, y] = tf.whileLoop(
        (i) => tf.less(i, n),
        (i, v) => [tf.add(i, 1), tf.multiply(v, v)],
        [int(0), x],
      );
      const [gx] = tf.gradients(y!, x);
      expect(gx!.op.type).toBe('WhileGrad');
      expect(gx!.name.startsWith('gradients/while_grad/')).toBe(true);
      for (const k of [0, 1, 2, 3, 4]) {
        const [vy, vg] = await sess.run([y!, gx!], { 'x:0': 1.05, 'n:0': k });
        const p = 2 ** k;
        expectClose([vy!.item() as number], [1.05 ** p], 1e-5, `y n=${k}`);
        expectClose([vg!.item() as number], [p * 1.05 ** (p - 1)], 1e-5, `dy/dx n=${k}`);
      }
    });
  });

  it('d/dw of v * w repeated k times (w captured) is k v0 w^(k-1); zero iterations give zeros', async () => {
    await inSession(async (sess) => {
      const w = tf.placeholder('float32', [], 'w');
      const v0 = tf.placeholder('float32', [], 'v0');
      const k = tf.placeholder('int32', [], 'k');
      const [, v] = tf.whileLoop(
        (i) => tf.less(i, k),
        (i, v) => [tf.add(i, 1), tf.multiply(v, w)],
        [int(0), v0],
      );
      const [gw, gv] = tf.gradients(v!, [w, v0]);
      const feed = { 'w:0': 1.5, 'v0:0': 2 };
      const [a, b] = await sess.run([gw!, gv!], { ...feed, 'k:0': 3 });
      expectClose([a!.item() as number, b!.item() as number], [3 * 2 * 1.5 ** 2, 1.5 ** 3]);
      const [c, d] = await sess.run([gw!, gv!], { ...feed, 'k:0': 0 });
      expect([c!.item(), d!.item()]).toEqual([0, 1]);
    });
  });

  it('a tensor only the loop condition reads gets no gradient (as TF)', () => {
    const limit = tf.placeholder('float32', [], 'limit');
    const x = tf.placeholder('float32', [], 'x');
    const [, v] = tf.whileLoop(
      (_i, v) => tf.less(v, limit),
      (i, v) => [tf.add(i, 1), tf.multiply(v, 2)],
      [int(0), x],
    );
    const [gl, gx] = tf.gradients(v!, [limit, x]);
    expect(gl).toBeNull();
    expect(gx).not.toBeNull();
  });

  it('second-order gradients through a cond (x^3 | 2x^2)', async () => {
    await inSession(async (sess) => {
      const x = tf.placeholder('float32', [2], 'x');
      const p = tf.placeholder('bool', [], 'p');
      const y = tf.cond(
        p,
        () => tf.multiply(tf.multiply(x, x), x),
        () => tf.multiply(2, tf.multiply(x, x)),
      );
      const [g1] = tf.gradients(y, x);
      const [g2] = tf.gradients(g1!, x);
      expectClose(
        (await sess.run(g2!, { 'x:0': [1, -2], 'p:0': true })).data as Float32Array,
        [6, -12],
      );
      expectClose(
        (await sess.run(g2!, { 'x:0': [1, -2], 'p:0': false })).data as Float32Array,
        [4, 4],
      );
    });
  });

  it('the gradient of a branch reuses its forward values (a dropout mask is not redrawn)', async () => {
    await inSession(async (sess) => {
      const x = tf.placeholder('float32', [64], 'x');
      const training = tf.placeholder('bool', [], 'training');
      const y = tf.cond(
        training,
        () => tf.nn.dropout(x, { rate: 0.5 }),
        () => x,
      );
      const [gx] = tf.gradients(y, x);
      const xs = Array.from({ length: 64 }, (_, i) => 1 + i / 64);
      const [vy, vg] = await sess.run([y, gx!], { 'x:0': xs, 'training:0': true });
      const ys = vy!.data as Float32Array;
      const gs = vg!.data as Float32Array;
      // y = x * mask / keep, so dy/dx = y / x with the mask of this very run.
      expectClose(
        gs,
        Array.from(ys, (v, i) => v / xs[i]!),
        1e-5,
        'mask',
      );
      expect(Array.from(gs).some((g) => g === 0) && Array.from(gs).some((g) => g > 0)).toBe(true);
      const off = await sess.run(gx!, { 'x:0': xs, 'training:0': false });
      expect(Array.from(off.data as Float32Array).every((g) => g === 1)).toBe(true);
    });
  });

  it('trains a variable through a cond and a loop with an optimizer', async () => {
    await inSession(async (sess) => {
      const w = tf.getVariable('w', { shape: [], initializer: tf.constantInitializer(3) });
      const p = tf.placeholder('bool', [], 'p');
      // loss = (w^2)^2 = w^4 when p, else (2w)^2.
      const inner = tf.cond(
        p,
        () => tf.multiply(w, w),
        () => tf.multiply(2, w),
      );
      const [, loss] = tf.whileLoop(
        (i) => tf.less(i, 1),
        (i, v) => [tf.add(i, 1), tf.multiply(v, v)],
        [int(0), inner],
      );
      const train = new tf.train.GradientDescentOptimizer(0.01).minimize(loss!);
      await sess.run(tf.globalVariablesInitializer());
      await sess.run(train, { 'p:0': true });
      expectClose([(await sess.run(w)).item() as number], [3 - 0.01 * 4 * 27]);
      await sess.run(train, { 'p:0': false });
      const w1 = 3 - 0.01 * 4 * 27;
      expectClose([(await sess.run(w)).item() as number], [w1 - 0.01 * 8 * w1]);
    });
  });

  it('an output nothing differentiates gets no gradient function work', () => {
    const x = tf.placeholder('float32', [], 'x');
    const p = tf.placeholder('bool', [], 'p');
    const [a] = tf.cond(
      p,
      () => [tf.multiply(x, 2), tf.constant(1, { dtype: 'int32' })],
      () => [x, tf.constant(2, { dtype: 'int32' })],
    );
    const [g] = tf.gradients(a!, x);
    expect(g).not.toBeNull();
    const ints = tf.whileLoop(
      (i) => tf.less(i, 3),
      (i) => tf.add(i, 1),
      [int(0)],
    );
    expect(tf.gradients(tf.cast(ints, 'float32'), x)).toEqual([null]);
  });

  it('a non-differentiable op in a branch passes no gradient, the other path still does', () => {
    const x = tf.placeholder('float32', [2], 'x');
    const p = tf.placeholder('bool', [], 'p');
    const y = tf.cond(
      p,
      () => tf.cast(tf.argmax(x, 0), 'float32'),
      () => tf.reduceSum(x),
    );
    // ArgMax is not differentiable: no gradient reaches x through the true branch.
    const [g] = tf.gradients(y, x);
    expect(g).not.toBeNull();
  });

  it('a loop variable that changes shape has no gradient (UnimplementedError at run time)', async () => {
    await inSession(async (sess) => {
      const x = tf.placeholder('float32', [1], 'x');
      const r = tf.whileLoop(
        (a) => tf.less(tf.reduceSum(a), 10),
        (a) => tf.concat([a, a], 0),
        [x],
        { shapeInvariants: [[null]] },
      );
      const [g] = tf.gradients(tf.reduceSum(r), x);
      expect((await sess.run(r, { 'x:0': [1] })).shape).toEqual([16]);
      await expect(sess.run(g!, { 'x:0': [1] })).rejects.toThrow(tf.UnimplementedError);
    });
  });
});
