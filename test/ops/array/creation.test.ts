import { afterEach, describe, expect, it } from 'vitest';
import * as tf from '../../../src/index.js';
import { type OpCase } from '../../util/op_cases.js';
import { iota, nd, size, runBoth } from './ref.js';

afterEach(() => tf.resetDefaultGraph());

const full = (shape: number[], v: number) => ({
  shape,
  values: new Array<number>(size(shape)).fill(v),
});

/** Python's range(start, limit, delta) by its loop. */
function rangeRef(start: number, limit: number, delta: number): number[] {
  const out: number[] = [];
  for (let v = start; delta > 0 ? v < limit : v > limit; v += delta) out.push(v);
  return out;
}

describe('creation ops: values and static shapes', () => {
  it.each<OpCase>([
    {
      name: 'zeros small',
      build: () => tf.zeros([2, 3]),
      staticShape: '(2, 3)',
      dtype: 'float32',
      expected: full([2, 3], 0),
    },
    {
      name: 'zeros int32',
      build: () => tf.zeros([4], 'int32'),
      staticShape: '(4,)',
      dtype: 'int32',
      expected: full([4], 0),
    },
    {
      name: 'zeros bool',
      build: () => tf.zeros([2], 'bool'),
      staticShape: '(2,)',
      dtype: 'bool',
      expected: full([2], 0),
    },
    { name: 'zeros scalar', build: () => tf.zeros([]), staticShape: '()', expected: full([], 0) },
    {
      name: 'zeros large (Fill)',
      build: () => tf.zeros([40, 30]),
      staticShape: '(40, 30)',
      expected: full([40, 30], 0),
    },
    {
      name: 'zeros from a shape tensor of unknown value',
      build: () => tf.zeros(tf.placeholder('int32', [2], 's')),
      feeds: { 's:0': nd('int32', { shape: [2], data: [3, 1] }) },
      staticShape: '(?, ?)',
      expected: full([3, 1], 0),
    },
    {
      name: 'zeros of zero size',
      build: () => tf.zeros([2, 0]),
      staticShape: '(2, 0)',
      expected: { shape: [2, 0], values: [] },
    },
    {
      name: 'fill to zero size',
      build: () => tf.fill(tf.placeholder('int32', [1], 'd'), 3),
      feeds: { 'd:0': nd('int32', { shape: [1], data: [0] }) },
      staticShape: '(?,)',
      expected: { shape: [0], values: [] },
    },
    {
      name: 'ones',
      build: () => tf.ones([3, 2], 'int32'),
      staticShape: '(3, 2)',
      dtype: 'int32',
      expected: full([3, 2], 1),
    },
    {
      name: 'ones large (Fill)',
      build: () => tf.ones([1000]),
      staticShape: '(1000,)',
      expected: full([1000], 1),
    },
    {
      name: 'fill',
      build: () => tf.fill([2, 2], 7),
      staticShape: '(2, 2)',
      expected: full([2, 2], 7),
    },
    {
      name: 'fill with unknown dims value',
      build: () => tf.fill(tf.placeholder('int32', [3], 'd'), tf.constant(2, { dtype: 'int32' })),
      feeds: { 'd:0': nd('int32', { shape: [3], data: [1, 2, 2] }) },
      staticShape: '(?, ?, ?)',
      dtype: 'int32',
      expected: full([1, 2, 2], 2),
    },
    {
      name: 'fill with dims of unknown length',
      build: () => tf.fill(tf.placeholder('int32', [null], 'd'), 1.5),
      feeds: { 'd:0': nd('int32', { shape: [1], data: [3] }) },
      staticShape: '<unknown>',
      expected: full([3], 1.5),
    },
    {
      name: 'zerosLike of a known shape',
      build: () => tf.zerosLike(tf.placeholder('float32', [2, 3], 'x')),
      staticShape: '(2, 3)',
      expected: full([2, 3], 0),
    },
    {
      name: 'zerosLike of unknown dims (ZerosLike)',
      build: () => tf.zerosLike(tf.placeholder('float32', [null, 3], 'x')),
      feeds: { 'x:0': nd('float32', iota([2, 3])) },
      staticShape: '(?, 3)',
      expected: full([2, 3], 0),
    },
    {
      name: 'zerosLike with another dtype, unknown rank',
      build: () => tf.zerosLike(tf.placeholder('float32', null, 'x'), { dtype: 'int32' }),
      feeds: { 'x:0': nd('float32', iota([2, 2])) },
      staticShape: '<unknown>',
      dtype: 'int32',
      expected: full([2, 2], 0),
    },
    {
      name: 'onesLike of unknown dims',
      build: () => tf.onesLike(tf.placeholder('float32', [null, 2], 'x')),
      feeds: { 'x:0': nd('float32', iota([3, 2])) },
      staticShape: '(?, 2)',
      expected: full([3, 2], 1),
    },
    {
      name: 'onesLike of unknown rank, int32',
      build: () => tf.onesLike(tf.placeholder('int32', null, 'x')),
      feeds: { 'x:0': nd('int32', iota([2])) },
      staticShape: '<unknown>',
      dtype: 'int32',
      expected: full([2], 1),
    },
    {
      name: 'range(5)',
      build: () => tf.range(5),
      staticShape: '(5,)',
      dtype: 'int32',
      expected: { shape: [5], values: rangeRef(0, 5, 1) },
    },
    {
      name: 'range(1, 10, 3)',
      build: () => tf.range(1, 10, 3),
      staticShape: '(3,)',
      dtype: 'int32',
      expected: { shape: [3], values: rangeRef(1, 10, 3) },
    },
    {
      name: 'range(5, 0, -2)',
      build: () => tf.range(5, 0, -2),
      staticShape: '(3,)',
      expected: { shape: [3], values: rangeRef(5, 0, -2) },
    },
    {
      name: 'range(0.5, 2) is float32',
      build: () => tf.range(0.5, 2),
      staticShape: '(2,)',
      dtype: 'float32',
      expected: { shape: [2], values: rangeRef(0.5, 2, 1) },
    },
    {
      name: 'range(0, 1, 0.25)',
      build: () => tf.range(0, 1, 0.25),
      staticShape: '(4,)',
      dtype: 'float32',
      expected: { shape: [4], values: rangeRef(0, 1, 0.25) },
    },
    {
      name: 'range with dtype',
      build: () => tf.range(3, null, 1, { dtype: 'float32' }),
      staticShape: '(3,)',
      dtype: 'float32',
      expected: { shape: [3], values: [0, 1, 2] },
    },
    {
      name: 'range of a fed limit',
      build: () => tf.range(tf.placeholder('int32', [], 'n')),
      feeds: { 'n:0': 4 },
      staticShape: '(?,)',
      dtype: 'int32',
      expected: { shape: [4], values: rangeRef(0, 4, 1) },
    },
    {
      name: 'range empty',
      build: () => tf.range(2, 2),
      staticShape: '(0,)',
      expected: { shape: [0], values: [] },
    },
    {
      name: 'constant with shape fills',
      build: () => tf.constant(3, { shape: [2, 2], dtype: 'int32' }),
      staticShape: '(2, 2)',
      dtype: 'int32',
      expected: full([2, 2], 3),
    },
    {
      name: 'constant with fewer values repeats the last (TF1)',
      build: () => tf.constant([1, 2], { shape: [4] }),
      staticShape: '(4,)',
      expected: { shape: [4], values: [1, 2, 2, 2] },
    },
    {
      name: 'constant with shape reshapes',
      build: () => tf.constant([1, 2, 3, 4, 5, 6], { shape: [3, 2] }),
      staticShape: '(3, 2)',
      expected: { shape: [3, 2], values: [1, 2, 3, 4, 5, 6] },
    },
  ])('$name', runBoth);
});

describe('creation ops: errors', () => {
  it.each<OpCase>([
    {
      name: 'constant with more values than its shape',
      build: () => tf.constant([1, 2, 3], { shape: [2] }),
      throws: /Too many elements provided\. Takes at most 2, but got 3\./,
      throwsClass: tf.ValueError,
    },
    {
      name: 'fill value not a scalar',
      build: () => tf.fill([2, 3], [1, 2]),
      throws: /Shape must be rank 0 but is rank 1/,
      throwsClass: tf.ValueError,
    },
    {
      name: 'fill negative dims',
      build: () => tf.fill([2, -3], 1),
      throws: /Invalid value in tensor used for shape: -3/,
      throwsClass: tf.ValueError,
    },
    {
      name: 'fill negative dim at run time',
      build: () => tf.fill(tf.placeholder('int32', [2], 'd'), 1),
      feeds: { 'd:0': nd('int32', { shape: [2], data: [2, -1] }) },
      throws: /Dimension -1 must be >= 0/,
      throwsClass: tf.InvalidArgumentError,
    },
    {
      name: 'range zero delta',
      build: () => tf.range(0, 5, 0),
      throws: /Requires delta != 0/,
      throwsClass: tf.ValueError,
    },
    {
      name: 'range wrong direction',
      build: () => tf.range(5, 0, 1),
      throws: /Requires start <= limit when delta > 0: 5\/0/,
      throwsClass: tf.ValueError,
    },
    {
      name: 'range wrong direction at run time',
      build: () => tf.range(0, tf.placeholder('int32', [], 'n'), -1),
      feeds: { 'n:0': 5 },
      throws: /Requires start >= limit when delta < 0: 0\/5/,
      throwsClass: tf.InvalidArgumentError,
    },
    {
      name: 'range of a vector',
      build: () => tf.range(tf.placeholder('int32', [2], 'n')),
      throws: /Shape must be rank 0 but is rank 1/,
      throwsClass: tf.ValueError,
    },
    {
      name: 'zeros of a partly known TensorShape',
      build: () => tf.zeros(new tf.TensorShape([null, 2])),
      throws: /Cannot convert a partially known TensorShape \(\?, 2\) to a Tensor/,
      throwsClass: tf.TypeError,
    },
  ])('$name', runBoth);
});

describe('creation ops: graphs as TF1 builds them', () => {
  const nodes = (): [string, string, string[]][] =>
    tf
      .getDefaultGraph()
      .getOperations()
      .map((o) => [o.name, o.type, o.inputs.map((t) => t.op.name)]);

  it('zeros/ones: a Const for small shapes, Fill for 1000 elements or more', () => {
    tf.zeros([2, 3]);
    tf.ones([100, 100]);
    tf.zeros(tf.placeholder('int32', [2], 's'));
    expect(nodes()).toEqual([
      ['zeros', 'Const', []],
      ['ones/shape_as_tensor', 'Const', []],
      ['ones/Const', 'Const', []],
      ['ones', 'Fill', ['ones/shape_as_tensor', 'ones/Const']],
      ['s', 'Placeholder', []],
      ['zeros_1/Const', 'Const', []],
      ['zeros_1', 'Fill', ['s', 'zeros_1/Const']],
    ]);
  });

  it('zeros_like / ones_like as TF1 names them', () => {
    const x = tf.placeholder('float32', [2, 3], 'x');
    const u = tf.placeholder('float32', [null, 3], 'u');
    expect(tf.zerosLike(x).op.type).toBe('Const');
    expect(tf.zerosLike(u).op.type).toBe('ZerosLike');
    const o1 = tf.onesLike(x);
    const o2 = tf.onesLike(u);
    expect([o1.name, o2.name]).toEqual(['ones_like:0', 'ones_like_1:0']);
    expect(nodes().slice(4)).toEqual([
      ['ones_like/Shape/shape_as_tensor', 'Const', []],
      ['ones_like/Const', 'Const', []],
      ['ones_like', 'Fill', ['ones_like/Shape/shape_as_tensor', 'ones_like/Const']],
      ['ones_like_1/Shape', 'Shape', ['u']],
      ['ones_like_1/Const', 'Const', []],
      ['ones_like_1', 'Fill', ['ones_like_1/Shape', 'ones_like_1/Const']],
    ]);
  });

  it('range: range/start, range/limit, range/delta and Tidx; a float range casts the int delta', () => {
    const r = tf.range(5);
    expect(r.op.getAttr('Tidx')).toBe('int32');
    const f = tf.range(0.5, 2.5);
    expect(f.op.getAttr('Tidx')).toBe('float32');
    expect(nodes()).toEqual([
      ['range/start', 'Const', []],
      ['range/limit', 'Const', []],
      ['range/delta', 'Const', []],
      ['range', 'Range', ['range/start', 'range/limit', 'range/delta']],
      ['range_1/start', 'Const', []],
      ['range_1/limit', 'Const', []],
      ['range_1/delta', 'Const', []],
      ['range_1/Cast', 'Cast', ['range_1/delta']],
      ['range_1', 'Range', ['range_1/start', 'range_1/limit', 'range_1/Cast']],
    ]);
  });

  it('fill: Fill/dims and Fill/value with T and index_type', () => {
    const y = tf.fill([2, 3], 9);
    expect(nodes()).toEqual([
      ['Fill/dims', 'Const', []],
      ['Fill/value', 'Const', []],
      ['Fill', 'Fill', ['Fill/dims', 'Fill/value']],
    ]);
    expect([y.op.getAttr('T'), y.op.getAttr('index_type')]).toEqual(['float32', 'int32']);
  });
});
