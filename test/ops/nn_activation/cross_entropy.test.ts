import { afterEach, describe, expect, it } from 'vitest';
import * as tf from '../../../src/index.js';
import { expectClose, runOpCase } from '../../util/op_cases.js';
import { alongAxis, arr, logSoftmaxLine, nd, xentRef, type Arr } from './ref.js';

afterEach(() => tf.resetDefaultGraph());

/** Moves `axis` of a [a, b, c] array to the end (the reference works on the last axis). */
function moveAxisToEnd(a: Arr, axis: number): Arr {
  const [d0, d1, d2] = a.shape as [number, number, number];
  if (axis === 2) return a;
  const out: number[] = [];
  const at = (i: number, j: number, k: number): number => a.values[(i * d1 + j) * d2 + k]!;
  if (axis === 1) {
    for (let i = 0; i < d0; i++)
      for (let k = 0; k < d2; k++) for (let j = 0; j < d1; j++) out.push(at(i, j, k));
    return { shape: [d0, d2, d1], values: out };
  }
  for (let j = 0; j < d1; j++)
    for (let k = 0; k < d2; k++) for (let i = 0; i < d0; i++) out.push(at(i, j, k));
  return { shape: [d1, d2, d0], values: out };
}

/** Rows of soft labels that sum to 1 along `axis`. */
function softLabels(shape: number[], seed: number, axis: number): Arr {
  const a = arr(shape, seed, 0, 1);
  return alongAxis(a, axis, (line) => {
    const s = line.reduce((p, q) => p + q, 0);
    return line.map((v) => v / s);
  });
}

describe('tf.nn.softmaxCrossEntropyWithLogits', () => {
  const logits = arr([2, 3, 4], 1, -4, 4);
  for (const axis of [-1, 1, 0]) {
    const labels = softLabels([2, 3, 4], 2, axis);
    const ax = axis < 0 ? 2 : axis;
    const expected = xentRef(moveAxisToEnd(logits, ax), moveAxisToEnd(labels, ax));
    const outShape = [2, 3, 4].filter((_, i) => i !== ax);
    it(`rank 3, axis ${axis}: values`, () =>
      runOpCase({
        name: `axis ${axis}`,
        build: () =>
          tf.nn.softmaxCrossEntropyWithLogits({
            labels: tf.placeholder('float32', [2, 3, 4], 'l'),
            logits: tf.placeholder('float32', [2, 3, 4], 'x'),
            axis,
          }),
        feeds: { 'x:0': nd(logits), 'l:0': nd(labels) },
        staticShape: `(${outShape.join(', ')})`,
        expected: { shape: outShape, values: expected.values },
      }));
  }

  it('unknown outer dims: reshapes through the dynamic shape', () => {
    const l2 = softLabels([3, 4], 4, -1);
    const x2 = arr([3, 4], 5, -4, 4);
    return runOpCase({
      name: 'unknown batch',
      build: () =>
        tf.nn.softmaxCrossEntropyWithLogits({
          labels: tf.placeholder('float32', [null, 4], 'l'),
          logits: tf.placeholder('float32', [null, 4], 'x'),
        }),
      feeds: { 'x:0': nd(x2), 'l:0': nd(l2) },
      staticShape: '(?,)',
      expected: xentRef(x2, l2),
    });
  });

  it('unknown class dim and rank 3: Shape/Slice/ConcatV2 reshapes', () => {
    const l3 = softLabels([2, 2, 3], 6, -1);
    const x3 = arr([2, 2, 3], 7, -4, 4);
    return runOpCase({
      name: 'unknown classes',
      build: () =>
        tf.nn.softmaxCrossEntropyWithLogits({
          labels: tf.placeholder('float32', [null, 2, null], 'l'),
          logits: tf.placeholder('float32', [null, 2, null], 'x'),
        }),
      feeds: { 'x:0': nd(x3), 'l:0': nd(l3) },
      staticShape: '(?, 2)',
      expected: xentRef(x3, l3),
    });
  });

  it('builds TF1 names; the v1 form stops the gradient into labels, V2 does not', () => {
    const x = tf.placeholder('float32', [2, 3], 'x');
    const l = tf.placeholder('float32', [2, 3], 'l');
    const y = tf.nn.softmaxCrossEntropyWithLogits({ labels: l, logits: x });
    expect(y.name).toBe('softmax_cross_entropy_with_logits_sg/Reshape_2:0');
    const names = tf
      .getDefaultGraph()
      .getOperations()
      .map((o) => `${o.name}:${o.type}`);
    expect(names).toEqual(
      expect.arrayContaining([
        'softmax_cross_entropy_with_logits_sg/labels_stop_gradient:StopGradient',
        'softmax_cross_entropy_with_logits_sg/Reshape:Reshape',
        'softmax_cross_entropy_with_logits_sg/Reshape_1:Reshape',
        'softmax_cross_entropy_with_logits_sg:SoftmaxCrossEntropyWithLogits',
      ]),
    );
    expect(tf.gradients(y, l)).toEqual([null]);
    const y2 = tf.nn.softmaxCrossEntropyWithLogitsV2({ labels: l, logits: x, name: 'xent' });
    expect(y2.op.inputs[0]!.op.name).toBe('xent');
    const [gx, gl] = tf.gradients(y2, [x, l]);
    expect(gl).not.toBeNull();
    expect(gx!.name).toBe('gradients_1/xent/Reshape_grad/Reshape:0');
    const gradOps = tf
      .getDefaultGraph()
      .getOperations()
      .filter((o) => o.name.startsWith('gradients_1/xent_grad/'))
      .map((o) => `${o.name.slice('gradients_1/xent_grad/'.length)}:${o.type}`);
    expect(gradOps).toEqual(
      expect.arrayContaining([
        'ExpandDims:ExpandDims',
        'mul:Mul',
        'LogSoftmax:LogSoftmax',
        'Neg:Neg',
        'mul_1:Mul',
      ]),
    );
  });

  it('matches TF for logits of 1e4: finite loss and gradients', async () => {
    const x = tf.constant([
      [1e4, -1e4, 0],
      [2, 1, 0.1],
    ]);
    const l = tf.constant([
      [0.2, 0.3, 0.5],
      [0, 1, 0],
    ]);
    const y = tf.nn.softmaxCrossEntropyWithLogitsV2({ labels: l, logits: x });
    const [gx, gl] = tf.gradients(y, [x, l]);
    const sess = new tf.Session();
    const [v, vx, vl] = (await sess.run([y, gx!, gl!])) as tf.NDArray[];
    sess.close();
    // Values from TF 2.21 (tf.compat.v1) for the same inputs.
    expectClose(v!.data as Float32Array, [11000, 1.4170299768447876], 1e-6);
    expectClose(
      vx!.data as Float32Array,
      [0.8, -0.3, -0.5, 0.6590011715888977, -0.7575669884681702, 0.09856589883565903],
      1e-5,
    );
    expectClose(
      vl!.data as Float32Array,
      [0, 20000, 10000, 0.4170299470424652, 1.4170299768447876, 2.3170299530029297],
      1e-5,
    );
  });

  it('the op broadcasts labels against features', async () => {
    const [loss] = (
      await import('../../../src/ops/nn/softmax_cross_entropy_op.js')
    ).softmaxCrossEntropyWithLogitsOp(
      tf.constant([
        [1, 2, 3],
        [0, 0, 0],
      ]),
      tf.constant([[0, 0, 1]]),
    );
    expect(loss.shape.toString()).toBe('(2,)');
    const sess = new tf.Session();
    const v = (await sess.run(loss)) as tf.NDArray;
    sess.close();
    expectClose(v.data as Float32Array, [-logSoftmaxLine([1, 2, 3])[2]!, Math.log(3)]);
  });

  const errors: [string, () => tf.Tensor, RegExp, new (...a: never[]) => Error][] = [
    [
      'class dims differ',
      () =>
        tf.nn.softmaxCrossEntropyWithLogits({ labels: tf.zeros([2, 3]), logits: tf.zeros([2, 4]) }),
      /Dimensions must be equal, but are 4 and 3/,
      tf.ValueError,
    ],
    [
      'missing labels',
      () => tf.nn.softmaxCrossEntropyWithLogits({ logits: tf.zeros([2, 4]) } as never),
      /Both `labels` and `logits` must be provided/,
      tf.ValueError,
    ],
    [
      'int logits',
      () =>
        tf.nn.softmaxCrossEntropyWithLogitsV2({
          labels: tf.zeros([2, 3], 'int32'),
          logits: tf.zeros([2, 3], 'int32'),
        }),
      /parameter 'features' has DataType int32/,
      tf.TypeError,
    ],
  ];
  for (const [name, build, re, cls] of errors)
    it(`error: ${name}`, () => runOpCase({ name, build, throws: re, throwsClass: cls }));
});
