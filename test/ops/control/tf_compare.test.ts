import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as tf from '../../../src/index.js';
import { expectClose } from '../../util/op_cases.js';

// Values computed by real TensorFlow 1.x (test/fixtures/control/make_fixtures.py).
const expected = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../fixtures/control/tf_expected.json'), 'utf8'),
) as {
  rnn: { h: number[][]; dh0: number[][]; dw: number[][]; dx: number[][] };
  case: { x: number[]; y: number[]; dx: number[] }[];
  train: { loss0: number; v1: number[]; loss1: number };
};

const H0 = [
  [0.1, -0.2, 0.3],
  [0.4, 0.0, -0.1],
];
const W = [
  [0.5, -0.3, 0.2],
  [0.1, 0.4, -0.6],
  [-0.2, 0.3, 0.1],
];
const X = [
  [0.2, 0.1, -0.3],
  [-0.1, 0.2, 0.05],
];
const C = [
  [1.0, -2.0, 0.5],
  [0.3, 0.7, -1.1],
];

afterEach(() => tf.resetDefaultGraph());

const flat = (a: number[][]): number[] => a.flat();

describe('control flow against TensorFlow 1.x', () => {
  it('a loop with a cond in its body, stopped by maximumIterations: values and gradients', async () => {
    const h0 = tf.constant(H0);
    const w = tf.constant(W);
    const x = tf.constant(X);
    const [, h] = tf.whileLoop(
      (i) => tf.less(i, 10),
      (i, h) => {
        const even = tf.equal(tf.floormod(i, 2), 0);
        const nh = tf.cond(
          even,
          () => tf.nn.tanh(tf.add(tf.matmul(h, w), x)),
          () => tf.add(tf.multiply(h, 0.5), x),
        );
        return [tf.add(i, 1), nh];
      },
      [tf.constant(0, { dtype: 'int32' }), h0],
      { maximumIterations: 3 },
    );
    const loss = tf.reduceSum(tf.multiply(h!, tf.constant(C)));
    const grads = tf.gradients(loss, [h0, w, x]) as tf.Tensor[];
    const sess = new tf.Session();
    const [vh, dh0, dw, dx] = await sess.run([h!, ...grads]);
    sess.close();
    expectClose(vh!.data as Float32Array, flat(expected.rnn.h), 1e-5, 'h');
    expectClose(dh0!.data as Float32Array, flat(expected.rnn.dh0), 1e-5, 'dh0');
    expectClose(dw!.data as Float32Array, flat(expected.rnn.dw), 1e-5, 'dw');
    expectClose(dx!.data as Float32Array, flat(expected.rnn.dx), 1e-5, 'dx');
  });

  it.each(expected.case.map((c) => [c.x, c] as const))(
    'tf.case value and gradient at x = %j',
    async (_x, c) => {
      const x = tf.constant(c.x);
      const s = tf.reduceSum(x);
      const y = tf.case(
        [
          [tf.less(s, -1), () => tf.multiply(x, x)],
          [tf.less(s, 1), () => tf.exp(x)],
        ],
        { default: () => tf.multiply(3, x) },
      );
      const [gx] = tf.gradients(y, x);
      const sess = new tf.Session();
      const [vy, vg] = await sess.run([y, gx!]);
      sess.close();
      expectClose(vy!.data as Float32Array, c.y, 1e-5, 'y');
      expectClose(vg!.data as Float32Array, c.dx, 1e-5, 'dx');
    },
  );

  it('one gradient-descent step on a variable used in a loop body', async () => {
    const v = new tf.Variable([0.5, -0.25], { name: 'v' });
    const [, a] = tf.whileLoop(
      (i) => tf.less(i, 3),
      (i, a) => [tf.add(i, 1), tf.add(tf.multiply(a, v), 1)],
      [tf.constant(0, { dtype: 'int32' }), tf.constant([1, 2])],
    );
    const loss = tf.reduceSum(tf.multiply(a!, a!));
    const train = new tf.train.GradientDescentOptimizer(0.1).minimize(loss);
    const sess = new tf.Session();
    await sess.run(tf.globalVariablesInitializer());
    expectClose([(await sess.run(loss)).item() as number], [expected.train.loss0], 1e-5, 'loss0');
    await sess.run(train);
    expectClose((await sess.run(v)).data as Float32Array, expected.train.v1, 1e-5, 'v1');
    expectClose([(await sess.run(loss)).item() as number], [expected.train.loss1], 1e-5, 'loss1');
    sess.close();
    expect(v.name).toBe('v:0');
  });
});
