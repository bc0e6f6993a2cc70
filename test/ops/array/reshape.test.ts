import { afterEach, describe, expect, it } from 'vitest';
import * as tf from '../../../src/index.js';
import { type OpCase } from '../../util/op_cases.js';
import { iota, nd, runBoth } from './ref.js';

afterEach(() => tf.resetDefaultGraph());

const x23 = iota([2, 3]);
const x123 = iota([1, 2, 3]);
const p = (shape: (number | null)[] | null, name = 'x', dtype: tf.DType = 'float32'): tf.Tensor =>
  tf.placeholder(dtype, shape, name);
/** `shape(x)[i]` as TF1's x.shape[i] indexing builds it (a shrinking StridedSlice). */
const dimOf = (s: tf.Tensor, i: number): tf.Tensor =>
  tf.stridedSlice(s, [i], [i + 1], [1], { shrinkAxisMask: 1 });
/** Reshape keeps the row-major data: the reference is the same values in the new shape. */
const same = (shape: number[], data: number[]) => ({ shape, values: data });

describe('reshape', () => {
  it.each<OpCase>([
    {
      name: 'known to known',
      build: () => tf.reshape(p([2, 3]), [3, 2]),
      feeds: { 'x:0': nd('float32', x23) },
      staticShape: '(3, 2)',
      expected: same([3, 2], x23.data),
    },
    {
      name: '-1 inferred',
      build: () => tf.reshape(p([2, 3]), [-1]),
      feeds: { 'x:0': nd('float32', x23) },
      staticShape: '(6,)',
      expected: same([6], x23.data),
    },
    {
      name: 'unknown batch, -1 matched',
      build: () => tf.reshape(p([null, 2, 3]), [-1, 6]),
      feeds: { 'x:0': nd('float32', x123) },
      staticShape: '(?, 6)',
      expected: same([1, 6], x123.data),
    },
    {
      name: 'unknown batch, known sizes differ',
      build: () => tf.reshape(p([null, 2, 3]), [-1, 3]),
      feeds: { 'x:0': nd('float32', x123) },
      staticShape: '(?, 3)',
      expected: same([2, 3], x123.data),
    },
    {
      name: 'unknown rank input',
      build: () => tf.reshape(p(null), [3, -1]),
      feeds: { 'x:0': nd('float32', x23) },
      staticShape: '(3, ?)',
      expected: same([3, 2], x23.data),
    },
    {
      name: 'shape tensor of unknown value gives its length as rank',
      build: () => tf.reshape(p([2, 3]), p([2], 's', 'int32')),
      feeds: { 'x:0': nd('float32', x23), 's:0': nd('int32', { shape: [2], data: [6, 1] }) },
      staticShape: '(?, ?)',
      expected: same([6, 1], x23.data),
    },
    {
      name: 'shape of a partly known shape (TF constant_value_as_shape)',
      build: () => tf.reshape(p([null, 2, 3]), tf.shape(p([4, null, 3], 'y'))),
      feeds: { 'x:0': nd('float32', iota([4, 2, 3])), 'y:0': nd('float32', iota([4, 2, 3])) },
      staticShape: '(4, ?, 3)',
      expected: same([4, 2, 3], iota([4, 2, 3]).data),
    },
    {
      name: 'stack([shape(x)[0], 6])',
      build: () => {
        const x = p([null, 2, 3]);
        return tf.reshape(x, tf.stack([dimOf(tf.shape(x), 0), 6]));
      },
      feeds: { 'x:0': nd('float32', x123) },
      staticShape: '(?, 6)',
      expected: same([1, 6], x123.data),
    },
    {
      name: 'stack([shape(x)[0], -1]) leaves two unknowns (as TF)',
      build: () => {
        const x = p([null, 2, 3]);
        return tf.reshape(x, tf.stack([dimOf(tf.shape(x), 0), -1]));
      },
      feeds: { 'x:0': nd('float32', x123) },
      staticShape: '(?, ?)',
      expected: same([1, 6], x123.data),
    },
    {
      name: 'concat([shape(x)[:1], [6]])',
      build: () => {
        const x = p([null, 2, 3]);
        return tf.reshape(x, tf.concat([tf.slice(tf.shape(x), [0], [1]), [6]], 0));
      },
      feeds: { 'x:0': nd('float32', x123) },
      staticShape: '(?, 6)',
      expected: same([1, 6], x123.data),
    },
    {
      name: 'concat([[-1], shape(x)[1:2], [3]]) keeps the known middle dim',
      build: () => {
        const x = p([null, 2, 3]);
        return tf.reshape(x, tf.concat([[-1], tf.stridedSlice(tf.shape(x), [1], [2]), [3]], 0));
      },
      feeds: { 'x:0': nd('float32', x123) },
      staticShape: '(?, 2, 3)',
      expected: same([1, 2, 3], x123.data),
    },
    {
      name: 'gather(shape(x), [1, 2, 0])',
      build: () => {
        const x = p([null, 2, 3]);
        return tf.reshape(x, tf.gather(tf.shape(x), [1, 2, 0]));
      },
      feeds: { 'x:0': nd('float32', x123) },
      staticShape: '(2, 3, ?)',
      expected: same([2, 3, 1], x123.data),
    },
    {
      name: 'expandDims(shape(x)[2], 0) and rank(x) are known',
      build: () => {
        const x = p([null, 2, 3]);
        return tf.reshape(
          x,
          tf.concat(
            [tf.expandDims(dimOf(tf.shape(x), 2), 0), tf.expandDims(tf.rank(x), 0), [-1]],
            0,
          ),
        );
      },
      feeds: { 'x:0': nd('float32', iota([3, 2, 3])) },
      staticShape: '(3, 3, ?)',
      expected: same([3, 3, 2], iota([3, 2, 3]).data),
    },
    {
      name: 'int32 data',
      build: () =>
        tf.reshape(
          tf.constant(
            [
              [1, 2],
              [3, 4],
            ],
            { dtype: 'int32' },
          ),
          [4],
        ),
      staticShape: '(4,)',
      dtype: 'int32',
      expected: same([4], [1, 2, 3, 4]),
    },
    {
      name: 'to a scalar',
      build: () => tf.reshape(p([1, 1]), []),
      feeds: { 'x:0': nd('float32', { shape: [1, 1], data: [5] }) },
      staticShape: '()',
      expected: same([], [5]),
    },
  ])('$name', runBoth);

  it.each<OpCase>([
    {
      name: 'size mismatch',
      build: () => tf.reshape(p([2, 3]), [4]),
      throws: /Cannot reshape a tensor with 6 elements to shape \[4\] \(4 elements\)/,
      throwsClass: tf.ValueError,
    },
    {
      name: '-1 not dividing',
      build: () => tf.reshape(p([2, 3]), [-1, 4]),
      throws: /Dimension size must be evenly divisible by 4 but is 6/,
      throwsClass: tf.ValueError,
    },
    {
      name: 'unknown input dim not dividing',
      build: () => tf.reshape(p([null, 2, 3]), [3]),
      throws: /Dimension size must be evenly divisible by 6 but is 3/,
      throwsClass: tf.ValueError,
    },
    {
      name: 'bad shape value',
      build: () => tf.reshape(p([2, 3]), [-2, 3]),
      throws: /Invalid value in tensor used for shape: -2/,
      throwsClass: tf.ValueError,
    },
    {
      name: 'run time size mismatch',
      build: () => tf.reshape(p(null), [4]),
      feeds: { 'x:0': nd('float32', x23) },
      throws: /Input to reshape is a tensor with 6 values, but the requested shape has 4/,
      throwsClass: tf.InvalidArgumentError,
    },
    {
      name: 'run time two -1s',
      build: () => tf.reshape(p([2, 3]), [-1, -1]),
      feeds: { 'x:0': nd('float32', x23) },
      throws: /Only one input size may be -1, not both 0 and 1/,
      throwsClass: tf.InvalidArgumentError,
    },
    {
      name: 'shape of rank 2',
      build: () => tf.reshape(p([2, 3]), [[6]]),
      throws: /Shape must be rank 1 but is rank 2/,
      throwsClass: tf.ValueError,
    },
  ])('$name', runBoth);
});

describe('expandDims / squeeze', () => {
  it.each<OpCase>([
    {
      name: 'expandDims 1',
      build: () => tf.expandDims(p([2, 3]), 1),
      feeds: { 'x:0': nd('float32', x23) },
      staticShape: '(2, 1, 3)',
      expected: same([2, 1, 3], x23.data),
    },
    {
      name: 'expandDims -1',
      build: () => tf.expandDims(p([null, 3]), -1),
      feeds: { 'x:0': nd('float32', x23) },
      staticShape: '(?, 3, 1)',
      expected: same([2, 3, 1], x23.data),
    },
    {
      name: 'expandDims -3',
      build: () => tf.expandDims(p([2, 3]), -3),
      feeds: { 'x:0': nd('float32', x23) },
      staticShape: '(1, 2, 3)',
      expected: same([1, 2, 3], x23.data),
    },
    {
      name: 'expandDims unknown rank',
      build: () => tf.expandDims(p(null), 0),
      feeds: { 'x:0': nd('float32', x23) },
      staticShape: '<unknown>',
      expected: same([1, 2, 3], x23.data),
    },
    {
      name: 'expandDims with an axis tensor',
      build: () => tf.expandDims(p([2, 3]), p([], 'a', 'int32')),
      feeds: { 'x:0': nd('float32', x23), 'a:0': 2 },
      staticShape: '<unknown>',
      expected: same([2, 3, 1], x23.data),
    },
    {
      name: 'squeeze all',
      build: () => tf.squeeze(p([1, 2, 1, 3])),
      feeds: { 'x:0': nd('float32', iota([1, 2, 1, 3])) },
      staticShape: '(2, 3)',
      expected: same([2, 3], x23.data),
    },
    {
      name: 'squeeze [0]',
      build: () => tf.squeeze(p([1, 2, 1]), [0]),
      feeds: { 'x:0': nd('float32', iota([1, 2, 1])) },
      staticShape: '(2, 1)',
      expected: same([2, 1], [0, 1]),
    },
    {
      name: 'squeeze -1',
      build: () => tf.squeeze(p([2, 1]), -1),
      feeds: { 'x:0': nd('float32', iota([2, 1])) },
      staticShape: '(2,)',
      expected: same([2], [0, 1]),
    },
    {
      name: 'squeeze unknown dim, all',
      build: () => tf.squeeze(p([null, 1, 3])),
      feeds: { 'x:0': nd('float32', iota([2, 1, 3])) },
      staticShape: '<unknown>',
      expected: same([2, 3], x23.data),
    },
    {
      name: 'squeeze unknown dim named',
      build: () => tf.squeeze(p([null, 1, 3]), [0]),
      feeds: { 'x:0': nd('float32', iota([1, 1, 3])) },
      staticShape: '(1, 3)',
      expected: same([1, 3], [0, 1, 2]),
    },
    {
      name: 'squeeze unknown rank',
      build: () => tf.squeeze(p(null)),
      feeds: { 'x:0': nd('float32', x123) },
      staticShape: '<unknown>',
      expected: same([2, 3], x123.data),
    },
  ])('$name', runBoth);

  it.each<OpCase>([
    {
      name: 'expandDims out of range',
      build: () => tf.expandDims(p([2, 3]), 3),
      throws: /dim 3 not in the interval \[-3, 2\]\./,
      throwsClass: tf.ValueError,
    },
    {
      name: 'expandDims -4',
      build: () => tf.expandDims(p([2, 3]), -4),
      throws: /dim -4 not in the interval \[-3, 2\]\./,
      throwsClass: tf.ValueError,
    },
    {
      name: 'expandDims out of range at run time',
      build: () => tf.expandDims(p(null), 3),
      feeds: { 'x:0': nd('float32', x23) },
      throws: /Tried to expand dim index 3 for tensor with 2 dimensions\./,
      throwsClass: tf.InvalidArgumentError,
    },
    {
      name: 'squeeze a dim of 2',
      build: () => tf.squeeze(p([2, 3]), [0]),
      throws: /Can not squeeze dim\[0\], expected a dimension of 1, got 2/,
      throwsClass: tf.ValueError,
    },
    {
      name: 'squeeze out of range',
      build: () => tf.squeeze(p([1, 3]), [2]),
      throws: /squeeze_dims\[0\] not in \[-2,2\)\./,
      throwsClass: tf.ValueError,
    },
    {
      name: 'squeeze at run time',
      build: () => tf.squeeze(p([null, 3]), [0]),
      feeds: { 'x:0': nd('float32', x23) },
      throws: /Can not squeeze dim\[0\], expected a dimension of 1, got 2/,
      throwsClass: tf.InvalidArgumentError,
    },
  ])('$name', runBoth);
});

describe('shape / size / rank', () => {
  it.each<OpCase>([
    {
      name: 'shape known (Const)',
      build: () => tf.shape(p([2, 3])),
      staticShape: '(2,)',
      dtype: 'int32',
      expected: same([2], [2, 3]),
    },
    {
      name: 'shape unknown dims',
      build: () => tf.shape(p([null, 3])),
      feeds: { 'x:0': nd('float32', x23) },
      staticShape: '(2,)',
      dtype: 'int32',
      expected: same([2], [2, 3]),
    },
    {
      name: 'shape unknown rank',
      build: () => tf.shape(p(null)),
      feeds: { 'x:0': nd('float32', x123) },
      staticShape: '(?,)',
      dtype: 'int32',
      expected: same([3], [1, 2, 3]),
    },
    {
      name: 'size unknown dims',
      build: () => tf.size(p([null, 3])),
      feeds: { 'x:0': nd('float32', x23) },
      staticShape: '()',
      dtype: 'int32',
      expected: same([], [6]),
    },
    {
      name: 'size known',
      build: () => tf.size(p([4, 5])),
      staticShape: '()',
      expected: same([], [20]),
    },
    {
      name: 'rank unknown',
      build: () => tf.rank(p(null)),
      feeds: { 'x:0': nd('float32', x123) },
      staticShape: '()',
      dtype: 'int32',
      expected: same([], [3]),
    },
    {
      name: 'rank known',
      build: () => tf.rank(p([null, 2])),
      staticShape: '()',
      expected: same([], [2]),
    },
    {
      name: 'shape of a host value',
      build: () => tf.shape([[1, 2, 3]]),
      staticShape: '(2,)',
      expected: same([2], [1, 3]),
    },
  ])('$name', runBoth);

  it('builds Const for known shapes and ops otherwise, as TF1 names them', () => {
    const x = p([2, 3]);
    const u = p(null, 'u');
    const ops = [tf.shape(x), tf.size(x), tf.rank(x), tf.shape(u), tf.size(u), tf.rank(u)].map(
      (t) => [t.op.name, t.op.type],
    );
    expect(ops).toEqual([
      ['Shape', 'Const'],
      ['Size', 'Const'],
      ['Rank', 'Const'],
      ['Shape_1', 'Shape'],
      ['Size_1', 'Size'],
      ['Rank_1', 'Rank'],
    ]);
    expect(tf.shape(u, { outType: 'int64' }).dtype).toBe('int64');
    expect(tf.getDefaultGraph().getOperationByName('Size_1').getAttr('out_type')).toBe('int32');
  });
});

describe('build-time values', () => {
  it('Shape/Size/Rank/Pack/Range/ExpandDims/Concat fold while building', () => {
    const x = p([null, 2, 3]);
    const s = tf.shape(x);
    // Reading a known entry of a partly known shape gives a build-time value.
    const fill = tf.fill(tf.stack([dimOf(s, 1), dimOf(s, 2)]), 0);
    expect(fill.shape.toString()).toBe('(2, 3)');
    const r = tf.range(tf.rank(x));
    expect(r.shape.toString()).toBe('(3,)');
    const t = tf.tile(p([1, 1]), tf.concat([tf.expandDims(tf.size(p([2, 2], 'z')), 0), [2]], 0));
    expect(t.shape.toString()).toBe('(4, 2)');
  });
});
