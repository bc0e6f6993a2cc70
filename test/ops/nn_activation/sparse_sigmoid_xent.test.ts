import { afterEach, describe, expect, it } from 'vitest';
import * as tf from '../../../src/index.js';
import { expectClose, runOpCase } from '../../util/op_cases.js';
import { arr, nd, softplusRef, xentRef } from './ref.js';

afterEach(() => tf.resetDefaultGraph());

describe('tf.nn.sparseSoftmaxCrossEntropyWithLogits', () => {
  const logits = arr([2, 3, 4], 8, -4, 4);
  const labelVals = [0, 3, 1, 2, 2, 0];
  const expected = xentRef(logits, {
    shape: [2, 3, 4],
    values: labelVals.flatMap((c) => [0, 1, 2, 3].map((k) => (k === c ? 1 : 0))),
  });
  it('rank 3 logits: flattened around the op and reshaped back', () =>
    runOpCase({
      name: 'rank 3',
      build: () =>
        tf.nn.sparseSoftmaxCrossEntropyWithLogits({
          labels: tf.placeholder('int32', [2, 3], 'l'),
          logits: tf.placeholder('float32', [2, 3, 4], 'x'),
        }),
      feeds: { 'x:0': nd(logits), 'l:0': nd({ shape: [2, 3], values: labelVals }, 'int32') },
      staticShape: '(2, 3)',
      expected,
    }));

  it('rank 2 with unknown batch; TF1 names', async () => {
    const x2 = { shape: [6, 4], values: logits.values };
    await runOpCase({
      name: 'rank 2',
      build: () =>
        tf.nn.sparseSoftmaxCrossEntropyWithLogits({
          labels: tf.placeholder('int32', [null], 'l'),
          logits: tf.placeholder('float32', [null, 4], 'x'),
        }),
      feeds: { 'x:0': nd(x2), 'l:0': nd({ shape: [6], values: labelVals }, 'int32') },
      staticShape: '(?,)',
      expected: { shape: [6], values: expected.values },
    });
    const y = tf.nn.sparseSoftmaxCrossEntropyWithLogits({
      labels: [1, 0],
      logits: tf.zeros([2, 3]),
    });
    expect(y.name).toBe(
      'SparseSoftmaxCrossEntropyWithLogits/SparseSoftmaxCrossEntropyWithLogits:0',
    );
    expect(y.op.getAttr('Tlabels')).toBe('int32');
  });

  it('matches TF for logits of 1e4', async () => {
    const x = tf.constant([
      [1e4, -1e4, 0],
      [2, 1, 0.1],
    ]);
    const y = tf.nn.sparseSoftmaxCrossEntropyWithLogits({
      labels: tf.constant([1, 0], { dtype: 'int32' }),
      logits: x,
    });
    const [g] = tf.gradients(y, x);
    const sess = new tf.Session();
    const [v, vg] = (await sess.run([y, g!])) as tf.NDArray[];
    sess.close();
    expectClose(v!.data as Float32Array, [20000, 0.4170299470424652], 1e-6);
    expectClose(
      vg!.data as Float32Array,
      [1, -1, 0, -0.3409988284111023, 0.24243299663066864, 0.09856589883565903],
      1e-5,
    );
  });

  it('a label out of range fails at run time as TF does', () =>
    runOpCase({
      name: 'range',
      build: () =>
        tf.nn.sparseSoftmaxCrossEntropyWithLogits({
          labels: tf.placeholder('int32', [2], 'l'),
          logits: tf.zeros([2, 3]),
        }),
      feeds: { 'l:0': nd({ shape: [2], values: [0, 5] }, 'int32') },
      throws:
        /Received a label value of 5 which is outside the valid range of \[0, 3\)\. {2}Label values: 0 5/,
      throwsClass: tf.InvalidArgumentError,
    }));

  const errors: [string, () => tf.Tensor, RegExp, new (...a: never[]) => Error][] = [
    [
      'rank mismatch',
      () =>
        tf.nn.sparseSoftmaxCrossEntropyWithLogits({
          labels: tf.zeros([2, 3], 'int32'),
          logits: tf.zeros([2, 4]),
        }),
      /`labels.shape.rank` must equal `logits.shape.rank - 1`\. Received: labels.shape=\(2, 3\) of rank 2 and logits.shape=\(2, 4\) of rank 2/,
      tf.ValueError,
    ],
    [
      'shape mismatch',
      () =>
        tf.nn.sparseSoftmaxCrossEntropyWithLogits({
          labels: tf.zeros([3], 'int32'),
          logits: tf.zeros([2, 4]),
        }),
      /`labels.shape` must equal `logits.shape` except for the last dimension\. Received: labels.shape=\(3,\) and logits.shape=\(2, 4\)/,
      tf.ValueError,
    ],
    [
      'scalar logits',
      () =>
        tf.nn.sparseSoftmaxCrossEntropyWithLogits({
          labels: tf.zeros([], 'int32'),
          logits: tf.zeros([]),
        }),
      /`logits` cannot be a scalar/,
      tf.ValueError,
    ],
    [
      'float labels',
      () =>
        tf.nn.sparseSoftmaxCrossEntropyWithLogits({
          labels: tf.zeros([2]),
          logits: tf.zeros([2, 4]),
        }),
      /Value passed to parameter 'labels' has DataType float32 not in list of allowed values: int32, int64/,
      tf.TypeError,
    ],
  ];
  for (const [name, build, re, cls] of errors)
    it(`error: ${name}`, () => runOpCase({ name, build, throws: re, throwsClass: cls }));
});

describe('tf.nn.sigmoidCrossEntropyWithLogits', () => {
  const x = arr([3, 4], 9, -6, 6);
  const z = arr([3, 4], 10, 0, 1);
  it('max(x, 0) - x z + log(1 + exp(-|x|))', () =>
    runOpCase({
      name: 'values',
      build: () =>
        tf.nn.sigmoidCrossEntropyWithLogits({
          labels: tf.placeholder('float32', [null, 4], 'z'),
          logits: tf.placeholder('float32', [null, 4], 'x'),
        }),
      feeds: { 'x:0': nd(x), 'z:0': nd(z) },
      staticShape: '(?, 4)',
      expected: {
        shape: [3, 4],
        values: x.values.map((v, i) => softplusRef(v) - v * z.values[i]!),
      },
    }));

  it('builds TF1 logistic_loss ops and matches TF at 1e4', async () => {
    const xs = tf.constant([
      [1e4, -1e4, 0],
      [2, 1, 0.1],
    ]);
    const ls = tf.constant([
      [0.2, 0.3, 0.5],
      [0, 1, 0],
    ]);
    const y = tf.nn.sigmoidCrossEntropyWithLogits({ labels: ls, logits: xs });
    expect(y.name).toBe('logistic_loss:0');
    const types = tf
      .getDefaultGraph()
      .getOperations()
      .filter((o) => o.name.startsWith('logistic_loss'))
      .map((o) => `${o.name}:${o.type}`);
    expect(types).toEqual(
      expect.arrayContaining([
        'logistic_loss/zeros_like:Const',
        'logistic_loss/GreaterEqual:GreaterEqual',
        'logistic_loss/Select:Select',
        'logistic_loss/Neg:Neg',
        'logistic_loss/Select_1:Select',
        'logistic_loss/mul:Mul',
        'logistic_loss/sub:Sub',
        'logistic_loss/Exp:Exp',
        'logistic_loss/Log1p:Log1p',
      ]),
    );
    const [gx, gl] = tf.gradients(y, [xs, ls]);
    const sess = new tf.Session();
    const [v, vx, vl] = (await sess.run([y, gx!, gl!])) as tf.NDArray[];
    sess.close();
    expectClose(
      v!.data as Float32Array,
      [8000, 3000, 0.6931471824645996, 2.1269280910491943, 0.3132616877555847, 0.7443966865539551],
      1e-6,
    );
    expectClose(
      vx!.data as Float32Array,
      [0.8, -0.3, 0, 0.8807970881462097, -0.26894140243530273, 0.5249792337417603],
      1e-5,
    );
    expectClose(vl!.data as Float32Array, [-10000, 10000, 0, -2, -1, -0.1], 1e-6);
  });

  it('rejects labels and logits of different shapes', () =>
    runOpCase({
      name: 'shape',
      build: () =>
        tf.nn.sigmoidCrossEntropyWithLogits({ labels: tf.zeros([2, 3]), logits: tf.zeros([2, 4]) }),
      throws: /`logits` and `labels` must have the same shape, received \(\(2, 4\) vs \(2, 3\)\)\./,
      throwsClass: tf.ValueError,
    }));
});
