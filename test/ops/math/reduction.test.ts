import { afterEach, describe, expect, it } from 'vitest';
import * as tf from '../../../src/index.js';
import { runOpCase, type OpCase } from '../../util/op_cases.js';
import { arr, nd, prodOf, reduceRef, sumOf, type Arr, type Expected } from './ref.js';

afterEach(() => tf.resetDefaultGraph());

type Reducer = (x: tf.Tensor, axis?: tf.TensorLike | null, options?: tf.ReduceOptions) => tf.Tensor;

const REDUCTIONS: [string, Reducer, (v: number[]) => number][] = [
  ['Sum', tf.reduceSum, sumOf],
  ['Mean', tf.reduceMean, (v) => sumOf(v) / v.length],
  ['Max', tf.reduceMax, (v) => Math.max(...v)],
  ['Min', tf.reduceMin, (v) => Math.min(...v)],
  ['Prod', tf.reduceProd, prodOf],
];

const a3 = arr([2, 3, 4], 1, 0.5, 1.5);

function rows([op, build, f]: (typeof REDUCTIONS)[number]): OpCase[] {
  const r = (
    name: string,
    x: Arr,
    staticIn: (number | null)[] | null,
    axis: tf.TensorLike | null | undefined,
    keep: boolean,
    printed: string,
    expected: Expected,
  ): OpCase => ({
    name: `${op} ${name}`,
    build: () => build(tf.placeholder('float32', staticIn, 'x'), axis, { keepdims: keep }),
    feeds: { 'x:0': nd('float32', x) },
    staticShape: printed,
    dtype: 'float32',
    expected,
    tol: 1e-5,
  });
  return [
    r('axis 1', a3, [2, 3, 4], 1, false, '(2, 4)', reduceRef(a3, [1], false, f)),
    r(
      'axes [0, 2] keepdims',
      a3,
      [2, 3, 4],
      [0, 2],
      true,
      '(1, 3, 1)',
      reduceRef(a3, [0, 2], true, f),
    ),
    r('negative axis', a3, [2, 3, 4], -1, false, '(2, 3)', reduceRef(a3, [2], false, f)),
    r(
      'all axes (axis omitted)',
      a3,
      [2, 3, 4],
      undefined,
      false,
      '()',
      reduceRef(a3, [0, 1, 2], false, f),
    ),
    r(
      'all axes keepdims',
      a3,
      [2, 3, 4],
      null,
      true,
      '(1, 1, 1)',
      reduceRef(a3, [0, 1, 2], true, f),
    ),
    r(
      'empty axis list is the identity',
      a3,
      [2, 3, 4],
      new Int32Array(0),
      false,
      '(2, 3, 4)',
      reduceRef(a3, [], false, f),
    ),
    r('unknown dims', a3, [null, 3, null], 1, false, '(?, ?)', reduceRef(a3, [1], false, f)),
    r(
      'unknown dims keepdims',
      a3,
      [null, 3, null],
      [1, 2],
      true,
      '(?, 1, 1)',
      reduceRef(a3, [1, 2], true, f),
    ),
    r('unknown rank', a3, null, 0, false, '<unknown>', reduceRef(a3, [0], false, f)),
    r(
      'unknown rank, axis omitted',
      a3,
      null,
      undefined,
      false,
      '<unknown>',
      reduceRef(a3, [0, 1, 2], false, f),
    ),
    {
      name: `${op} axes fed at run time`,
      build: () =>
        build(tf.placeholder('float32', [2, 3, 4], 'x'), tf.placeholder('int32', [null], 'axes'), {
          keepdims: true,
        }),
      feeds: { 'x:0': nd('float32', a3), 'axes:0': nd('int32', { shape: [2], data: [2, 0] }) },
      staticShape: '(?, ?, ?)',
      expected: reduceRef(a3, [0, 2], true, f),
    },
    {
      name: `${op} invalid axis`,
      build: () => build(tf.placeholder('float32', [2, 3], 'x'), 2),
      throws: /Invalid reduction dimension 2 for input with 2 dimensions\./,
      throwsClass: tf.ValueError,
    },
  ];
}

const ia = arr([3, 4], 7, -4, 4, true);

describe('reductions', () => {
  it.each(REDUCTIONS.flatMap(rows))('$name', runOpCase);

  it.each<OpCase>([
    ...REDUCTIONS.map(([op, build, f]): OpCase => ({
      name: `${op} of int32`,
      build: () => build(tf.placeholder('int32', [3, 4], 'x'), 1),
      feeds: { 'x:0': nd('int32', ia) },
      dtype: 'int32',
      // C's integer division for Mean.
      expected: reduceRef(ia, [1], false, (v) => Math.trunc(f(v))),
    })),
    {
      name: 'Sum over an axis given twice counts it once',
      build: () =>
        tf.reduceSum(
          tf.constant([
            [1, 2],
            [3, 4],
          ]),
          [1, -1],
        ),
      expected: { shape: [2], values: [3, 7] },
    },
    {
      name: 'Sum of a host array',
      build: () =>
        tf.reduceSum([
          [1, 2],
          [3, 4],
        ]),
      expected: { shape: [], values: [10] },
    },
    {
      name: 'Sum of a host NDArray',
      build: () => tf.reduceSum(new tf.NDArray('float32', [2, 2], Float32Array.from([1, 2, 3, 4]))),
      staticShape: '()',
      expected: { shape: [], values: [10] },
    },
    {
      name: 'invalid negative axis',
      build: () => tf.reduceMax(tf.placeholder('float32', [2, 3], 'x'), -3),
      throws: /Invalid reduction dimension -3 for input with 2 dimensions\./,
      throwsClass: tf.ValueError,
    },
    {
      name: 'axes of rank 2',
      build: () => tf.reduceSum(tf.placeholder('float32', [2, 3], 'x'), [[1]]),
      throws: /Shape must be at most rank 1 but is rank 2/,
      throwsClass: tf.ValueError,
    },
    {
      name: 'float axes',
      build: () => tf.reduceSum(tf.placeholder('float32', [2, 3], 'x'), tf.constant([1])),
      throws:
        /Input 'reduction_indices' of 'Sum' Op has type float32 that does not match type int32|parameter 'reduction_indices' has DataType float32/,
      throwsClass: tf.TypeError,
    },
    {
      name: 'bool input',
      build: () => tf.reduceProd(tf.placeholder('bool', [2, 3], 'x')),
      throws: /Value passed to parameter 'input' has DataType bool not in list of allowed values/,
      throwsClass: tf.TypeError,
    },
    {
      name: 'invalid axis fed at run time',
      build: () =>
        tf.reduceSum(tf.placeholder('float32', [2, 3], 'x'), tf.placeholder('int32', [], 'a')),
      feeds: { 'x:0': nd('float32', arr([2, 3], 1)), 'a:0': nd('int32', { shape: [], data: [5] }) },
      throws: /Invalid reduction dimension 5/,
      throwsClass: tf.InvalidArgumentError,
    },
  ])('$name', runOpCase);

  it('names the all-axes constant as TF1 does', () => {
    const x = tf.placeholder('float32', [2, 3], 'x');
    expect(tf.reduceSum(x).op.inputs[1]!.name).toBe('Const:0');
    expect(tf.reduceMax(x, 1).op.inputs[1]!.name).toBe('Max/reduction_indices:0');
    expect(tf.nameScope('s', () => tf.reduceMean(x).op.inputs[1]!.name)).toBe('s/Const:0');
    const s = tf.reduceSum(x, 0, { keepdims: true, name: 'total' });
    expect(s.name).toBe('total:0');
    expect(s.op.getAttr('keep_dims')).toBe(true);
    expect(s.op.getAttr('Tidx')).toBe('int32');
  });
});

/** argmax / argmin along one axis of a row-major array, first index among ties. */
function argRef(a: Arr, axis: number, better: (x: number, best: number) => boolean): Expected {
  const rank = a.shape.length;
  const ax = axis < 0 ? axis + rank : axis;
  const outShape = a.shape.filter((_, i) => i !== ax);
  const inner = a.shape.slice(ax + 1).reduce((p, d) => p * d, 1);
  const n = a.shape[ax]!;
  const outer = a.shape.slice(0, ax).reduce((p, d) => p * d, 1);
  const values: number[] = [];
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      let best = 0;
      for (let k = 1; k < n; k++)
        if (better(a.data[(o * n + k) * inner + i]!, a.data[(o * n + best) * inner + i]!)) best = k;
      values.push(best);
    }
  }
  return { shape: outShape, values };
}

describe('ArgMax / ArgMin', () => {
  // Small ints so that ties occur: the first index wins.
  const t = arr([3, 4, 2], 5, -2, 2, true);
  const OPS: [string, typeof tf.argmax, (x: number, b: number) => boolean][] = [
    ['ArgMax', tf.argmax, (x, b) => x > b],
    ['ArgMin', tf.argmin, (x, b) => x < b],
  ];
  it.each<OpCase>(
    OPS.flatMap(([op, build, better]): OpCase[] => [
      {
        name: `${op} axis 1 (int64 by default)`,
        build: () => build(tf.placeholder('float32', [3, 4, 2], 'x'), 1),
        feeds: { 'x:0': nd('float32', t) },
        staticShape: '(3, 2)',
        dtype: 'int64',
        expected: argRef(t, 1, better),
      },
      {
        name: `${op} axis omitted is 0; int32 output`,
        build: () =>
          build(tf.placeholder('int32', [3, null, 2], 'x'), undefined, { outputType: 'int32' }),
        feeds: { 'x:0': nd('int32', t) },
        staticShape: '(?, 2)',
        dtype: 'int32',
        expected: argRef(t, 0, better),
      },
      {
        name: `${op} negative axis, unknown rank`,
        build: () => build(tf.placeholder('float32', null, 'x'), -1),
        feeds: { 'x:0': nd('float32', t) },
        staticShape: '<unknown>',
        expected: argRef(t, 2, better),
      },
      {
        name: `${op} axis fed at run time`,
        build: () =>
          build(tf.placeholder('float32', [3, 4, 2], 'x'), tf.placeholder('int32', [], 'a')),
        feeds: { 'x:0': nd('float32', t), 'a:0': nd('int32', { shape: [], data: [2] }) },
        staticShape: '(?, ?)',
        expected: argRef(t, 2, better),
      },
      {
        name: `${op} of a vector is a scalar`,
        build: () => build(tf.constant([1, 3, 3, 0]), 0),
        staticShape: '()',
        expected: argRef({ shape: [4], data: [1, 3, 3, 0] }, 0, better),
      },
      {
        name: `${op} axis out of range`,
        build: () => build(tf.placeholder('float32', [2, 3], 'x'), 2),
        throws:
          /Dimension \(2\) must be in the range \[-2, 2\), where 2 is the number of dimensions in the input\./,
        throwsClass: tf.ValueError,
      },
      {
        name: `${op} axis out of range at run time`,
        build: () =>
          build(tf.placeholder('float32', [2, 3], 'x'), tf.placeholder('int32', [], 'a')),
        feeds: {
          'x:0': nd('float32', arr([2, 3], 1)),
          'a:0': nd('int32', { shape: [], data: [-3] }),
        },
        throws: /Expected dimension in the range \[-2, 2\), but got -3/,
        throwsClass: tf.InvalidArgumentError,
      },
    ]),
  )('$name', runOpCase);

  it('is not differentiable and has TF attrs', () => {
    const x = tf.placeholder('float32', [2, 3], 'x');
    const a = tf.argmax(x, 1);
    expect(a.op.getAttr('output_type')).toBe('int64');
    expect(a.op.inputs[1]!.name).toBe('ArgMax/dimension:0');
    expect(tf.gradients(tf.cast(a, 'float32'), x)).toEqual([null]);
  });
});

/** Cumulative sum/product along an axis by explicit loops. */
function cumRef(
  a: Arr,
  axis: number,
  exclusive: boolean,
  reverse: boolean,
  op: (p: number, x: number) => number,
  init: number,
): Expected {
  const n = a.shape[axis]!;
  const inner = a.shape.slice(axis + 1).reduce((p, d) => p * d, 1);
  const outer = a.shape.slice(0, axis).reduce((p, d) => p * d, 1);
  const values = new Array<number>(a.data.length).fill(0);
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      let acc = init;
      for (let s = 0; s < n; s++) {
        const k = reverse ? n - 1 - s : s;
        const off = (o * n + k) * inner + i;
        if (exclusive) {
          values[off] = acc;
          acc = op(acc, a.data[off]!);
        } else {
          acc = op(acc, a.data[off]!);
          values[off] = acc;
        }
      }
    }
  }
  return { shape: [...a.shape], values };
}

describe('Cumsum / Cumprod', () => {
  const c = arr([2, 3, 2], 9, 0.5, 1.5);
  const flags: [boolean, boolean][] = [
    [false, false],
    [true, false],
    [false, true],
    [true, true],
  ];
  it.each<OpCase>([
    ...flags.flatMap(([exclusive, reverse]): OpCase[] => [
      {
        name: `Cumsum axis 1 exclusive=${exclusive} reverse=${reverse}`,
        build: () =>
          tf.cumsum(tf.placeholder('float32', [null, 3, 2], 'x'), 1, { exclusive, reverse }),
        feeds: { 'x:0': nd('float32', c) },
        staticShape: '(?, 3, 2)',
        expected: cumRef(c, 1, exclusive, reverse, (p, x) => p + x, 0),
      },
      {
        name: `Cumprod axis -1 exclusive=${exclusive} reverse=${reverse}`,
        build: () => tf.cumprod(tf.placeholder('float32', null, 'x'), -1, { exclusive, reverse }),
        feeds: { 'x:0': nd('float32', c) },
        staticShape: '<unknown>',
        expected: cumRef(c, 2, exclusive, reverse, (p, x) => p * x, 1),
      },
    ]),
    {
      name: 'Cumsum of int32 along axis 0 (default)',
      build: () =>
        tf.cumsum(
          tf.constant(
            [
              [1, 2],
              [3, 4],
            ],
            { dtype: 'int32' },
          ),
        ),
      dtype: 'int32',
      expected: { shape: [2, 2], values: [1, 2, 4, 6] },
    },
    {
      name: 'Cumsum axis out of range',
      build: () => tf.cumsum(tf.placeholder('float32', [2, 3], 'x'), 2),
      throws: /axis 2 is out of range/,
      throwsClass: tf.ValueError,
    },
    {
      name: 'Cumprod of bools',
      build: () => tf.cumprod(tf.placeholder('bool', [2], 'x')),
      throws: /Value passed to parameter 'x' has DataType bool not in list of allowed values/,
      throwsClass: tf.TypeError,
    },
  ])('$name', runOpCase);
});

describe('All / Any', () => {
  const m = { shape: [2, 3], data: [1, 1, 0, 1, 1, 1] };
  const all = (v: number[]): number => (v.every((x) => x === 1) ? 1 : 0);
  const any = (v: number[]): number => (v.some((x) => x === 1) ? 1 : 0);
  it.each<OpCase>([
    {
      name: 'All over every axis',
      build: () => tf.reduceAll(tf.placeholder('bool', [2, 3], 'b')),
      feeds: { 'b:0': nd('bool', m) },
      staticShape: '()',
      dtype: 'bool',
      expected: reduceRef(m, [0, 1], false, all),
    },
    {
      name: 'All axis 1 of (?, 3)',
      build: () => tf.reduceAll(tf.placeholder('bool', [null, 3], 'b'), 1),
      feeds: { 'b:0': nd('bool', m) },
      staticShape: '(?,)',
      expected: reduceRef(m, [1], false, all),
    },
    {
      name: 'Any axis 0 keepdims',
      build: () => tf.reduceAny(tf.placeholder('bool', [2, 3], 'b'), 0, { keepdims: true }),
      feeds: { 'b:0': nd('bool', { shape: [2, 3], data: [0, 1, 0, 0, 1, 1] }) },
      staticShape: '(1, 3)',
      expected: reduceRef({ shape: [2, 3], data: [0, 1, 0, 0, 1, 1] }, [0], true, any),
    },
    {
      name: 'Any of unknown rank',
      build: () => tf.reduceAny(tf.placeholder('bool', null, 'b')),
      feeds: { 'b:0': nd('bool', { shape: [2, 2], data: [0, 0, 0, 0] }) },
      staticShape: '<unknown>',
      expected: { shape: [], values: [0] },
    },
    {
      name: 'All of floats',
      build: () => tf.reduceAll(tf.placeholder('float32', [2], 'x')),
      throws:
        /^Input 'input' of 'All' Op has type float32 that does not match expected type of bool\.$/,
      throwsClass: tf.TypeError,
    },
  ])('$name', runOpCase);

  it('names as TF1 does', () => {
    const b = tf.placeholder('bool', [2, 3], 'b');
    expect(tf.reduceAll(b).op.inputs[1]!.name).toBe('Const:0');
    expect(tf.reduceAny(b, 1).op.inputs[1]!.name).toBe('Any/reduction_indices:0');
  });
});
