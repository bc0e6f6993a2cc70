import * as tf from '../../../src/index.js';
import type { GradCase } from '../../util/gradcheck.js';

const int = (v: number): tf.Tensor => tf.constant(v, { dtype: 'int32' });
const positive = (x: tf.Tensor): tf.Tensor => tf.greater(tf.reduceSum(x), 0);

/** x^(2^n) by squaring n times. */
const squareLoop = (x: tf.Tensor, n: number): tf.Tensor =>
  tf.whileLoop(
    (i) => tf.less(i, n),
    (i, v) => [tf.add(i, 1), tf.multiply(v, v)],
    [int(0), x],
  )[1]!;

/**
 * Gradcheck rows for cond (If) and whileLoop (While). The inputs pick each branch (fixed values
 * with a positive or negative sum) so both branches' gradients are checked.
 */
export const GRAD_CASES: GradCase[] = [
  {
    opType: 'If',
    name: 'cond x*x | 3x, true branch',
    inputs: [{ shape: [3], values: [0.5, 0.9, -0.2] }],
    build: (x) =>
      tf.cond(
        positive(x),
        () => tf.multiply(x, x),
        () => tf.multiply(3, x),
      ),
  },
  {
    opType: 'If',
    name: 'cond x*x | 3x, false branch',
    inputs: [{ shape: [3], values: [-0.5, 0.3, -0.7] }],
    build: (x) =>
      tf.cond(
        positive(x),
        () => tf.multiply(x, x),
        () => tf.multiply(3, x),
      ),
  },
  {
    opType: 'If',
    name: 'cond capturing two inputs, several outputs',
    inputs: [{ shape: [2, 3], values: [0.1, -0.4, 0.6, 0.3, 0.2, -0.5] }, { shape: [3] }],
    build: (x, y) => {
      const [a, b] = tf.cond(
        positive(x),
        () => [tf.multiply(x, y), tf.exp(y)],
        () => [tf.add(x, y), tf.square(y)],
      );
      return tf.add(a!, b!);
    },
  },
  {
    opType: 'If',
    name: 'nested cond (inner branch on another input)',
    inputs: [
      { shape: [2], values: [0.4, 0.3] },
      { shape: [2], values: [-0.6, 0.2] },
    ],
    build: (x, y) =>
      tf.cond(
        positive(x),
        () =>
          tf.cond(
            positive(y),
            () => tf.multiply(x, y),
            () => tf.multiply(tf.sqrt(tf.add(tf.square(x), 1)), y),
          ),
        () => tf.negative(y),
      ),
  },
  {
    opType: 'If',
    name: 'cond with a matmul and a tanh in a branch',
    inputs: [{ shape: [2, 3], values: [0.3, 0.1, 0.2, -0.1, 0.4, 0.2] }, { shape: [3, 2] }],
    build: (x, w) =>
      tf.cond(
        positive(x),
        () => tf.nn.tanh(tf.matmul(x, w)),
        () => tf.matmul(x, w),
      ),
  },
  {
    opType: 'While',
    name: 'while: x squared three times (x^8)',
    inputs: [{ shape: [3], values: [0.9, -0.8, 1.05] }],
    build: (x) => squareLoop(x, 3),
  },
  {
    opType: 'While',
    name: 'while: tanh RNN over 3 steps (state, captured weights and input)',
    inputs: [{ shape: [2, 3] }, { shape: [3, 3] }, { shape: [2, 3] }],
    build: (h0, w, x) =>
      tf.whileLoop(
        (i) => tf.less(i, 3),
        (i, h) => [tf.add(i, 1), tf.nn.tanh(tf.add(tf.matmul(h, w), x))],
        [int(0), h0],
      )[1]!,
  },
  {
    opType: 'While',
    name: 'while stopped by maximumIterations, two float loop variables',
    inputs: [{ shape: [2] }, { shape: [2] }],
    build: (a, b) => {
      const [, x, y] = tf.whileLoop(
        () => true,
        (i, x, y) => [tf.add(i, 1), tf.add(x, tf.multiply(y, 0.5)), tf.multiply(y, x)],
        [int(0), a, b],
        { maximumIterations: 3 },
      );
      return tf.add(x!, y!);
    },
  },
  {
    opType: 'While',
    name: 'while with a cond in its body',
    inputs: [{ shape: [2], values: [0.3, -0.6] }],
    build: (x) =>
      tf.whileLoop(
        (i) => tf.less(i, 4),
        (i, v) => [
          tf.add(i, 1),
          tf.cond(
            tf.equal(tf.floormod(i, 2), 0),
            () => tf.multiply(v, 1.5),
            () => tf.nn.tanh(v),
          ),
        ],
        [int(0), x],
      )[1]!,
  },
  {
    opType: 'While',
    name: 'nested while loops',
    inputs: [
      { shape: [2], values: [0.5, -0.4] },
      { shape: [2], values: [0.7, 0.9] },
    ],
    build: (x, w) =>
      tf.whileLoop(
        (i) => tf.less(i, 2),
        (i, v) => [
          tf.add(i, 1),
          tf.whileLoop(
            (j) => tf.less(j, 2),
            (j, u) => [tf.add(j, 1), tf.add(tf.multiply(u, w), 0.1)],
            [int(0), v],
          )[1]!,
        ],
        [int(0), x],
      )[1]!,
  },
  {
    opType: 'If',
    name: 'while inside a cond branch',
    inputs: [{ shape: [2], values: [0.5, 0.4] }],
    build: (x) =>
      tf.cond(
        positive(x),
        () => squareLoop(x, 2),
        () => x,
      ),
  },
];
