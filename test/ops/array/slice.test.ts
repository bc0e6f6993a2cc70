import { afterEach, describe, expect, it } from 'vitest';
import * as tf from '../../../src/index.js';
import { type OpCase } from '../../util/op_cases.js';
import { iota, nd, rand, sliceRef, stridedRef, type Item, runBoth } from './ref.js';

afterEach(() => tf.resetDefaultGraph());

const p = (shape: (number | null)[] | null, name = 'x', dtype: tf.DType = 'float32'): tf.Tensor =>
  tf.placeholder(dtype, shape, name);
const x345 = rand([3, 4, 5], 3);
const x23 = iota([2, 3]);

/** TF's _slice_helper: numpy index items as begin/end/strides and the five masks. */
function toStrided(items: Item[]): {
  begin: number[];
  end: number[];
  strides: number[];
  masks: tf.StridedSliceOptions;
} {
  const begin: number[] = [];
  const end: number[] = [];
  const strides: number[] = [];
  const masks = { beginMask: 0, endMask: 0, ellipsisMask: 0, newAxisMask: 0, shrinkAxisMask: 0 };
  items.forEach((it, i) => {
    if (it === 'ellipsis' || it === 'newaxis') {
      begin.push(0);
      end.push(0);
      strides.push(1);
      if (it === 'ellipsis') masks.ellipsisMask |= 1 << i;
      else masks.newAxisMask |= 1 << i;
    } else if ('index' in it) {
      begin.push(it.index);
      end.push(it.index + 1);
      strides.push(1);
      masks.shrinkAxisMask |= 1 << i;
    } else {
      begin.push(it.start ?? 0);
      end.push(it.stop ?? 0);
      strides.push(it.step ?? 1);
      if (it.start === undefined) masks.beginMask |= 1 << i;
      if (it.stop === undefined) masks.endMask |= 1 << i;
    }
  });
  return { begin, end, strides, masks };
}

const sliced = (x: tf.Tensor, items: Item[]): tf.Tensor => {
  const s = toStrided(items);
  return tf.stridedSlice(x, s.begin, s.end, s.strides, s.masks);
};

const all = {};
// Index expressions on a (3, 4, 5) tensor with TF1's static shapes for (3,4,5), (?,4,5), (3,?,5)
// and unknown rank (printed by TF 2.21's compat.v1 graph mode).
const SPECS: [string, Item[], string, string, string][] = [
  ['x[1:]', [{ start: 1 }], '(2, 4, 5)', '(?, 4, 5)', '(2, ?, 5)'],
  ['x[::-1]', [{ step: -1 }], '(3, 4, 5)', '(?, 4, 5)', '(3, ?, 5)'],
  ['x[-1]', [{ index: -1 }], '(4, 5)', '(4, 5)', '(?, 5)'],
  ['x[..., 0]', ['ellipsis', { index: 0 }], '(3, 4)', '(?, 4)', '(3, ?)'],
  [
    'x[:, newaxis, 1:3]',
    [all, 'newaxis', { start: 1, stop: 3 }],
    '(3, 1, 2, 5)',
    '(?, 1, 2, 5)',
    '(3, 1, ?, 5)',
  ],
  ['x[::2, ::-2, 1]', [{ step: 2 }, { step: -2 }, { index: 1 }], '(2, 2)', '(?, 2)', '(2, ?)'],
  ['x[newaxis, ...]', ['newaxis', 'ellipsis'], '(1, 3, 4, 5)', '(1, ?, 4, 5)', '(1, 3, ?, 5)'],
  [
    'x[1:-1, ..., ::3]',
    [{ start: 1, stop: -1 }, 'ellipsis', { step: 3 }],
    '(1, 4, 2)',
    '(?, 4, 2)',
    '(1, ?, 2)',
  ],
  ['x[10:]', [{ start: 10 }], '(0, 4, 5)', '(?, 4, 5)', '(0, ?, 5)'],
  ['x[-10:2]', [{ start: -10, stop: 2 }], '(2, 4, 5)', '(?, 4, 5)', '(2, ?, 5)'],
  ['x[2:0:-1]', [{ start: 2, stop: 0, step: -1 }], '(2, 4, 5)', '(?, 4, 5)', '(2, ?, 5)'],
  ['x[2:1]', [{ start: 2, stop: 1 }], '(0, 4, 5)', '(?, 4, 5)', '(0, ?, 5)'],
  ['x[..., newaxis]', ['ellipsis', 'newaxis'], '(3, 4, 5, 1)', '(?, 4, 5, 1)', '(3, ?, 5, 1)'],
  ['x[0, 1, 2]', [{ index: 0 }, { index: 1 }, { index: 2 }], '()', '()', '()'],
  [
    'x[:, -1:-5:-2, ..., 4:0:-3]',
    [all, { start: -1, stop: -5, step: -2 }, 'ellipsis', { start: 4, stop: 0, step: -3 }],
    '(3, 2, 2)',
    '(?, 2, 2)',
    '(3, ?, 2)',
  ],
  [
    'x[1, ..., newaxis, 2]',
    [{ index: 1 }, 'ellipsis', 'newaxis', { index: 2 }],
    '(4, 1)',
    '(4, 1)',
    '(?, 1)',
  ],
];

describe('stridedSlice against numpy indexing by definition', () => {
  it.each<OpCase>(
    SPECS.flatMap(([name, items, known, unknown0, unknown1]): OpCase[] => {
      const ref = stridedRef(x345, items);
      return [
        {
          name: `${name} on (3, 4, 5)`,
          build: () => sliced(p([3, 4, 5]), items),
          feeds: { 'x:0': nd('float32', x345) },
          staticShape: known,
          expected: ref,
        },
        {
          name: `${name} on (?, 4, 5)`,
          build: () => sliced(p([null, 4, 5]), items),
          feeds: { 'x:0': nd('float32', x345) },
          staticShape: unknown0,
          expected: ref,
        },
        {
          name: `${name} on (3, ?, 5)`,
          build: () => sliced(p([3, null, 5]), items),
          feeds: { 'x:0': nd('float32', x345) },
          staticShape: unknown1,
          expected: ref,
        },
        {
          name: `${name} on unknown rank`,
          build: () => sliced(p(null), items),
          feeds: { 'x:0': nd('float32', x345) },
          staticShape: '<unknown>',
          expected: ref,
        },
      ];
    }),
  )('$name', runBoth);

  it.each<OpCase>([
    {
      name: 'int32 x[::-1]',
      build: () => sliced(tf.constant([1, 2, 3, 4], { dtype: 'int32' }), [{ step: -1 }]),
      staticShape: '(4,)',
      dtype: 'int32',
      expected: { shape: [4], values: [4, 3, 2, 1] },
    },
    {
      name: 'scalar x[newaxis]',
      build: () => sliced(p([]), ['newaxis']),
      feeds: { 'x:0': 7 },
      staticShape: '(1,)',
      expected: { shape: [1], values: [7] },
    },
    {
      name: 'begin of unknown value',
      build: () => tf.stridedSlice(p([3, 4, 5]), p([2], 'b', 'int32'), [3, 4], [1, 1]),
      feeds: { 'x:0': nd('float32', x345), 'b:0': nd('int32', { shape: [2], data: [1, 2] }) },
      staticShape: '(?, ?, 5)',
      expected: stridedRef(x345, [
        { start: 1, stop: 3 },
        { start: 2, stop: 4 },
      ]),
    },
    {
      name: 'strides of unknown value',
      build: () => tf.stridedSlice(p([3, 4, 5]), [0], [3], p([1], 's', 'int32')),
      feeds: { 'x:0': nd('float32', x345), 's:0': nd('int32', { shape: [1], data: [2] }) },
      staticShape: '<unknown>',
      expected: stridedRef(x345, [{ start: 0, stop: 3, step: 2 }]),
    },
    {
      name: 'default strides',
      build: () => tf.stridedSlice(p([2, 3]), [0, 1], [2, 3]),
      feeds: { 'x:0': nd('float32', x23) },
      staticShape: '(2, 2)',
      expected: stridedRef(x23, [
        { start: 0, stop: 2 },
        { start: 1, stop: 3 },
      ]),
    },
    {
      name: 'shrink out of bounds',
      build: () => tf.stridedSlice(p([2, 3]), [5], [6], [1], { shrinkAxisMask: 1 }),
      throws: /slice index 5 of dimension 0 out of bounds\./,
      throwsClass: tf.ValueError,
    },
    {
      name: 'zero stride',
      build: () => tf.stridedSlice(p([2, 3]), [0], [1], [0]),
      throws: /strides\[0\] must be non-zero/,
      throwsClass: tf.ValueError,
    },
    {
      name: 'unequal lengths',
      build: () => tf.stridedSlice(p([2, 3]), [0], [1, 1], [1]),
      throws:
        /Dimension 0 in both shapes must be equal, but are 1 and 2\. Shapes are \[1\] and \[2\]\./,
      throwsClass: tf.ValueError,
    },
    {
      name: 'two ellipses',
      build: () => tf.stridedSlice(p([2, 3]), [0, 0], [1, 1], [1, 1], { ellipsisMask: 3 }),
      throws: /Multiple ellipses in slice spec not allowed/,
      throwsClass: tf.ValueError,
    },
    {
      name: 'too many indices',
      build: () => tf.stridedSlice(p([2, 3]), [0, 0, 0], [1, 1, 1], [1, 1, 1]),
      throws: /Index out of range using input dim 2; input has only 2 dims/,
      throwsClass: tf.ValueError,
    },
    {
      name: 'shrink out of bounds at run time',
      build: () => tf.stridedSlice(p(null), [-3], [-2], [1], { shrinkAxisMask: 1 }),
      feeds: { 'x:0': nd('float32', x23) },
      throws: /slice index -1 of dimension 0 out of bounds\./,
      throwsClass: tf.InvalidArgumentError,
    },
  ])('$name', runBoth);

  it('builds StridedSlice with T, Index and the five masks', () => {
    const y = sliced(p([3, 4, 5]), [{ index: 0 }, { start: 1 }]);
    expect([y.op.name, y.op.type]).toEqual(['StridedSlice', 'StridedSlice']);
    expect(y.op.inputs.map((t) => t.op.name)).toEqual([
      'x',
      'StridedSlice/begin',
      'StridedSlice/end',
      'StridedSlice/strides',
    ]);
    const attrs = [
      'T',
      'Index',
      'begin_mask',
      'end_mask',
      'ellipsis_mask',
      'new_axis_mask',
      'shrink_axis_mask',
    ].map((a) => y.op.getAttr(a));
    expect(attrs).toEqual(['float32', 'int32', 0, 2, 0, 0, 1]);
  });
});

describe('slice', () => {
  it.each<OpCase>([
    {
      name: 'begin/size',
      build: () => tf.slice(p([3, 4, 5]), [1, 0, 2], [2, 3, 2]),
      feeds: { 'x:0': nd('float32', x345) },
      staticShape: '(2, 3, 2)',
      expected: sliceRef(x345, [1, 0, 2], [2, 3, 2]),
    },
    {
      name: 'size -1 runs to the end',
      build: () => tf.slice(p([3, 4, 5]), [1, 1, 1], [-1, 2, -1]),
      feeds: { 'x:0': nd('float32', x345) },
      staticShape: '(2, 2, 4)',
      expected: sliceRef(x345, [1, 1, 1], [2, 2, 4]),
    },
    {
      name: 'unknown dim with -1',
      build: () => tf.slice(p([null, 4, 5]), [1, 0, 0], [-1, 2, 3]),
      feeds: { 'x:0': nd('float32', x345) },
      staticShape: '(?, 2, 3)',
      expected: sliceRef(x345, [1, 0, 0], [2, 2, 3]),
    },
    {
      name: 'begin of unknown value',
      build: () => tf.slice(p([null, 4, 5]), p([3], 'b', 'int32'), [1, -1, 2]),
      feeds: { 'x:0': nd('float32', x345), 'b:0': nd('int32', { shape: [3], data: [2, 1, 3] }) },
      staticShape: '(1, ?, 2)',
      expected: sliceRef(x345, [2, 1, 3], [1, 3, 2]),
    },
    {
      name: 'unknown rank',
      build: () => tf.slice(p(null), [0, 1], [-1, 2]),
      feeds: { 'x:0': nd('float32', x23) },
      staticShape: '(?, 2)',
      expected: sliceRef(x23, [0, 1], [2, 2]),
    },
    {
      name: 'size of unknown value',
      build: () => tf.slice(p([3, 4, 5]), [0, 0, 0], p([3], 's', 'int32')),
      feeds: { 'x:0': nd('float32', x345), 's:0': nd('int32', { shape: [3], data: [1, 2, 3] }) },
      staticShape: '(?, ?, ?)',
      expected: sliceRef(x345, [0, 0, 0], [1, 2, 3]),
    },
    {
      name: 'begin length vs rank',
      build: () => tf.slice(p([2, 3]), [0], [1]),
      throws: /Shape must be rank 1 but is rank 2/,
      throwsClass: tf.ValueError,
    },
    {
      name: 'past the end at run time',
      build: () => tf.slice(p([2, 3]), [0, 1], [3, 1]),
      feeds: { 'x:0': nd('float32', x23) },
      throws: /Expected size\[0\] in \[0, 2\], but got 3/,
      throwsClass: tf.InvalidArgumentError,
    },
    {
      name: 'negative begin at run time',
      build: () => tf.slice(p([2, 3]), [-1, 0], [1, 1]),
      feeds: { 'x:0': nd('float32', x23) },
      throws: /Expected begin\[0\] in \[0, 2\], but got -1/,
      throwsClass: tf.InvalidArgumentError,
    },
  ])('$name', runBoth);
});
