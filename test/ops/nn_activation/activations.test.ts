import { afterEach, describe, expect, it } from 'vitest';
import * as tf from '../../../src/index.js';
import { relu6Grad } from '../../../src/ops/nn/relu6_grad.js';
import { expectClose, runOpCase, type OpCase } from '../../util/op_cases.js';
import {
  SELU_ALPHA,
  SELU_SCALE,
  alongAxis,
  arr,
  logSoftmaxLine,
  map,
  nd,
  sigmoidRef,
  softmaxLine,
  softplusRef,
  type Arr,
} from './ref.js';

afterEach(() => tf.resetDefaultGraph());

interface ActSpec {
  op: string;
  build: (x: tf.Tensor) => tf.Tensor;
  ref: (x: number) => number;
  tol?: number;
}

const SPECS: ActSpec[] = [
  { op: 'Relu', build: (x) => tf.nn.relu(x), ref: (x) => Math.max(x, 0) },
  { op: 'Relu6', build: (x) => tf.nn.relu6(x), ref: (x) => Math.min(Math.max(x, 0), 6) },
  { op: 'Elu', build: (x) => tf.nn.elu(x), ref: (x) => (x > 0 ? x : Math.expm1(x)) },
  {
    op: 'Selu',
    build: (x) => tf.nn.selu(x),
    ref: (x) => SELU_SCALE * (x > 0 ? x : SELU_ALPHA * Math.expm1(x)),
  },
  { op: 'LeakyRelu', build: (x) => tf.nn.leakyRelu(x), ref: (x) => (x > 0 ? x : 0.2 * x) },
  { op: 'LeakyRelu', build: (x) => tf.nn.leakyRelu(x, 0.01), ref: (x) => (x > 0 ? x : 0.01 * x) },
  {
    op: 'LeakyRelu',
    build: (x) => tf.nn.leakyRelu(x, { alpha: 1.5 }),
    ref: (x) => (x > 0 ? x : 1.5 * x),
  },
  { op: 'Sigmoid', build: (x) => tf.nn.sigmoid(x), ref: sigmoidRef },
  { op: 'Sigmoid', build: (x) => tf.sigmoid(x), ref: sigmoidRef },
  { op: 'Tanh', build: (x) => tf.nn.tanh(x), ref: Math.tanh },
  { op: 'Tanh', build: (x) => tf.tanh(x), ref: Math.tanh },
  { op: 'Softplus', build: (x) => tf.nn.softplus(x), ref: softplusRef },
];

/** Values spanning both sides of every kink (0, 6) and saturation. */
function wide(shape: number[], seed: number): Arr {
  const a = arr(shape, seed, -8, 8);
  return a;
}

function rows(s: ActSpec): OpCase[] {
  const a = wide([2, 3, 4], 11);
  const expected = map(a, s.ref);
  return [
    {
      name: `${s.op} static`,
      build: () => s.build(tf.placeholder('float32', [2, 3, 4], 'x')),
      feeds: { 'x:0': nd(a) },
      staticShape: '(2, 3, 4)',
      dtype: 'float32',
      expected,
      tol: s.tol ?? 1e-5,
    },
    {
      name: `${s.op} unknown dims`,
      build: () => s.build(tf.placeholder('float32', [null, 3, null], 'x')),
      feeds: { 'x:0': nd(a) },
      staticShape: '(?, 3, ?)',
      expected,
      tol: s.tol ?? 1e-5,
    },
    {
      name: `${s.op} unknown rank`,
      build: () => s.build(tf.placeholder('float32', null, 'x')),
      feeds: { 'x:0': nd(a) },
      staticShape: '<unknown>',
      expected,
      tol: s.tol ?? 1e-5,
    },
    {
      name: `${s.op} scalar host value`,
      build: () => s.build(tf.constant(-0.5)),
      staticShape: '()',
      expected: { shape: [], values: [s.ref(-0.5)] },
      tol: s.tol ?? 1e-5,
    },
  ];
}

describe('elementwise activations', () => {
  for (const s of SPECS) {
    for (const row of rows(s)) it(row.name, () => runOpCase(row));
  }

  it('use TF1 op types and default names', () => {
    const x = tf.placeholder('float32', [2], 'x');
    const ys = [
      tf.nn.relu6(x),
      tf.nn.elu(x),
      tf.nn.selu(x),
      tf.nn.leakyRelu(x),
      tf.nn.sigmoid(x),
      tf.nn.tanh(x),
      tf.nn.softplus(x),
      tf.sigmoid(x),
      tf.tanh(x),
      tf.nn.l2Loss(x),
    ];
    expect(ys.map((y) => y.name)).toEqual([
      'Relu6:0',
      'Elu:0',
      'Selu:0',
      'LeakyRelu:0',
      'Sigmoid:0',
      'Tanh:0',
      'Softplus:0',
      'Sigmoid_1:0',
      'Tanh_1:0',
      'L2Loss:0',
    ]);
    expect(tf.nn.elu(x, 'act').op.name).toBe('act');
    expect(ys[3]!.op.getAttr('alpha')).toBeCloseTo(0.2);
    expect(tf.nn.leakyRelu(x, { alpha: 0.3, name: 'lr' }).op.getAttr('alpha')).toBeCloseTo(0.3);
  });

  it('Relu6 keeps integer dtypes; LeakyRelu casts integers to float32 as TF1 does', async () => {
    const i = tf.constant([-3, 2, 9], { dtype: 'int32' });
    const r = tf.nn.relu6(i);
    const l = tf.nn.leakyRelu(i);
    expect(r.dtype).toBe('int32');
    expect(l.dtype).toBe('float32');
    expect(l.op.inputs[0]!.op.type).toBe('Cast');
    const sess = new tf.Session();
    const [rv, lv] = (await sess.run([r, l])) as tf.NDArray[];
    sess.close();
    expect(Array.from(rv!.data as Int32Array)).toEqual([0, 2, 6]);
    expectClose(lv!.data as Float32Array, [-0.6, 2, 9]);
  });

  const typeErrors: [string, () => unknown, RegExp][] = [
    [
      'Elu',
      () => tf.nn.elu(tf.constant([1, 2], { dtype: 'int32' })),
      /Value passed to parameter 'features' has DataType int32 not in list of allowed values: float16, bfloat16, float32, float64/,
    ],
    [
      'Sigmoid',
      () => tf.nn.sigmoid(tf.constant([1, 2], { dtype: 'int32' })),
      /parameter 'x' has DataType int32/,
    ],
    [
      'Softplus',
      () => tf.nn.softplus(tf.constant([true])),
      /parameter 'features' has DataType bool/,
    ],
    ['Relu6', () => tf.nn.relu6(tf.constant([true])), /parameter 'features' has DataType bool/],
    [
      'L2Loss',
      () => tf.nn.l2Loss(tf.constant([1, 2], { dtype: 'int32' })),
      /Value passed to parameter 't' has DataType int32 not in list of allowed values: float16, bfloat16, float32, float64/,
    ],
    [
      'Relu6Grad',
      () => relu6Grad(tf.zeros([2]), tf.zeros([3])),
      /Dimension 0 in both shapes must be equal, but are 2 and 3\. Shapes are \[2\] and \[3\]\./,
    ],
  ];
  for (const [op, build, re] of typeErrors) {
    it(`${op} rejects bad inputs with TF's wording`, () =>
      runOpCase({
        name: op,
        build: build as () => tf.Tensor,
        throws: re,
        throwsClass: re.source.includes('Dimension') ? tf.ValueError : tf.TypeError,
      }));
  }
});

describe('softmax and logSoftmax', () => {
  const a = arr([2, 3, 4], 5, -5, 5);
  const cases: [string, (x: tf.Tensor) => tf.Tensor, (l: number[]) => number[], number][] = [
    ['softmax', (x) => tf.nn.softmax(x), softmaxLine, -1],
    ['softmax axis 1', (x) => tf.nn.softmax(x, 1), softmaxLine, 1],
    ['softmax axis 0 (options)', (x) => tf.nn.softmax(x, { axis: 0 }), softmaxLine, 0],
    ['softmax axis -2', (x) => tf.nn.softmax(x, -2), softmaxLine, -2],
    ['logSoftmax', (x) => tf.nn.logSoftmax(x), logSoftmaxLine, -1],
    ['logSoftmax axis 1', (x) => tf.nn.logSoftmax(x, 1), logSoftmaxLine, 1],
  ];
  for (const [name, build, line, axis] of cases) {
    it(`${name}: values along the axis`, () =>
      runOpCase({
        name,
        build: () => build(tf.placeholder('float32', [2, null, 4], 'x')),
        feeds: { 'x:0': nd(a) },
        staticShape: '(2, ?, 4)',
        expected: alongAxis(a, axis, line),
        tol: 1e-5,
      }));
  }

  it('last-axis softmax on unknown rank keeps an unknown shape', () =>
    runOpCase({
      name: 'unknown rank',
      build: () => tf.nn.softmax(tf.placeholder('float32', null, 'x')),
      feeds: { 'x:0': nd(a) },
      staticShape: '<unknown>',
      expected: alongAxis(a, -1, softmaxLine),
    }));

  it('a non-last axis transposes there and back, the output named by `name`', () => {
    const x = tf.placeholder('float32', [2, 3], 'x');
    const y = tf.nn.softmax(x, 0, 'probs');
    expect(y.name).toBe('probs:0');
    expect(y.op.type).toBe('Transpose');
    expect(y.op.inputs[0]!.op.type).toBe('Softmax');
    expect(y.shape.toString()).toBe('(2, 3)');
    expect(tf.nn.softmax(x).name).toBe('Softmax_1:0');
    expect(tf.nn.logSoftmax(x, { name: 'ls' }).name).toBe('ls:0');
  });

  it('rejects a scalar and an out-of-range axis', async () => {
    await runOpCase({
      name: 'scalar',
      build: () => tf.nn.softmax(tf.constant(1)),
      throws: /Shape must be at least rank 1 but is rank 0/,
      throwsClass: tf.ValueError,
    });
    await runOpCase({
      name: 'axis',
      build: () => tf.nn.softmax(tf.zeros([2, 3]), 3),
      throws:
        /`dim` must be in the range \[-2, 2\) where 2 is the number of dimensions in the input\. Received: dim=3/,
      throwsClass: tf.InvalidArgumentError,
    });
  });
});

describe('l2Loss', () => {
  it('is sum(x^2) / 2', () => {
    const a = arr([3, 4], 3);
    return runOpCase({
      name: 'l2',
      build: () => tf.nn.l2Loss(tf.placeholder('float32', [null, 4], 'x')),
      feeds: { 'x:0': nd(a) },
      staticShape: '()',
      expected: { shape: [], values: [a.values.reduce((s, v) => s + v * v, 0) / 2] },
    });
  });
});

describe('numerical stability at huge magnitudes', () => {
  it('activations, softmax and their gradients stay finite at +-1e4', async () => {
    const x = tf.placeholder('float32', [2, 3], 'x');
    const ys = [
      tf.nn.sigmoid(x),
      tf.nn.tanh(x),
      tf.nn.softplus(x),
      tf.nn.elu(x),
      tf.nn.selu(x),
      tf.nn.softmax(x),
      tf.nn.logSoftmax(x),
    ];
    const grads = ys.map((y) => tf.gradients(y, x)[0]!);
    const sess = new tf.Session();
    const feed = {
      'x:0': [
        [1e4, -1e4, 0],
        [-1e4, 1e4, 3],
      ],
    };
    const vals = (await sess.run([...ys, ...grads], feed)) as tf.NDArray[];
    sess.close();
    for (const v of vals)
      for (const e of v.data as Float32Array) expect(Number.isFinite(e)).toBe(true);
    expectClose(vals[2]!.data as Float32Array, [1e4, 0, Math.log(2), 0, 1e4, softplusRef(3)], 1e-6);
    expectClose(vals[6]!.data as Float32Array, [0, -2e4, -1e4, -2e4, 0, 3 - 1e4], 1e-6);
  });
});
