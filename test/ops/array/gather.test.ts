import { afterEach, describe, expect, it } from 'vitest';
import * as tf from '../../../src/index.js';
import { unsortedSegmentSum } from '../../../src/ops/array/unsorted_segment_sum.js';
import { type OpCase } from '../../util/op_cases.js';
import { at, build, gatherRef, iota, nd, rand, type Arr, runBoth } from './ref.js';

afterEach(() => tf.resetDefaultGraph());

const p = (shape: (number | null)[] | null, name = 'x', dtype: tf.DType = 'float32'): tf.Tensor =>
  tf.placeholder(dtype, shape, name);
const x345 = rand([3, 4, 5], 5);
const idx: Arr = { shape: [2, 2], data: [3, 0, 1, 3] };
const i3: Arr = { shape: [3], data: [2, 0, 2] };

/** One-hot by definition: out[..., k at axis, ...] = on if indices[...] == k else off. */
function oneHotRef(ind: Arr, depth: number, axis: number, on = 1, off = 0) {
  const r = ind.shape.length;
  const ax = axis === -1 ? r : axis;
  const shape = [...ind.shape.slice(0, ax), depth, ...ind.shape.slice(ax)];
  return build(shape, (i) => {
    const k = i[ax]!;
    const src = [...i.slice(0, ax), ...i.slice(ax + 1)];
    return at(ind, src) === k ? on : off;
  });
}

/** Segment sums by definition: out[s, ...] = sum of data rows whose id is s. */
function segmentSumRef(data: Arr, ids: number[], n: number) {
  const rest = data.shape.slice(1);
  return build([n, ...rest], (i) =>
    ids.reduce((acc, id, r) => acc + (id === i[0] ? at(data, [r, ...i.slice(1)]) : 0), 0),
  );
}

/** Batched gather (batch_dims 1, axis 1) by definition: out[b, i] = x[b, idx[b, i]]. */
function batchGatherRef(a: Arr, ind: Arr) {
  return build([...ind.shape, ...a.shape.slice(2)], (i) =>
    at(a, [i[0]!, at(ind, [i[0]!, i[1]!]), ...i.slice(2)]),
  );
}

describe('gather', () => {
  it.each<OpCase>([
    {
      name: 'axis 0, 1-D indices',
      build: () => tf.gather(p([3, 4, 5]), [2, 0, 2]),
      feeds: { 'x:0': nd('float32', x345) },
      staticShape: '(3, 4, 5)',
      expected: gatherRef(x345, i3, 0),
    },
    {
      name: 'axis 1, 2-D indices',
      build: () =>
        tf.gather(
          p([3, 4, 5]),
          [
            [3, 0],
            [1, 3],
          ],
          { axis: 1 },
        ),
      feeds: { 'x:0': nd('float32', x345) },
      staticShape: '(3, 2, 2, 5)',
      expected: gatherRef(x345, idx, 1),
    },
    {
      name: 'axis -1',
      build: () => tf.gather(p([3, 4, 5]), [4, 1], { axis: -1 }),
      feeds: { 'x:0': nd('float32', x345) },
      staticShape: '(3, 4, 2)',
      expected: gatherRef(x345, { shape: [2], data: [4, 1] }, 2),
    },
    {
      name: 'scalar index',
      build: () => tf.gather(p([3, 4, 5]), 1, { axis: 1 }),
      feeds: { 'x:0': nd('float32', x345) },
      staticShape: '(3, 5)',
      expected: gatherRef(x345, { shape: [], data: [1] }, 1),
    },
    {
      name: 'unknown dims',
      build: () => tf.gather(p([null, 4, 5]), p([null, 2], 'i', 'int32'), { axis: 1 }),
      feeds: { 'x:0': nd('float32', x345), 'i:0': nd('int32', idx) },
      staticShape: '(?, ?, 2, 5)',
      expected: gatherRef(x345, idx, 1),
    },
    {
      name: 'unknown rank params',
      build: () => tf.gather(p(null), p([2, 2], 'i', 'int32'), { axis: 1 }),
      feeds: { 'x:0': nd('float32', x345), 'i:0': nd('int32', idx) },
      staticShape: '<unknown>',
      expected: gatherRef(x345, idx, 1),
    },
    {
      name: 'axis of unknown value',
      build: () => tf.gather(p([3, 4, 5]), [1, 0], { axis: p([], 'a', 'int32') }),
      feeds: { 'x:0': nd('float32', x345), 'a:0': 2 },
      staticShape: '(?, ?, ?)',
      expected: gatherRef(x345, { shape: [2], data: [1, 0] }, 2),
    },
    {
      name: 'batch_dims 1',
      build: () =>
        tf.gather(
          p([3, 4, 5]),
          [
            [0, 3],
            [1, 1],
            [2, 0],
          ],
          { axis: 1, batchDims: 1 },
        ),
      feeds: { 'x:0': nd('float32', x345) },
      staticShape: '(3, 2, 5)',
      expected: batchGatherRef(x345, { shape: [3, 2], data: [0, 3, 1, 1, 2, 0] }),
    },
    {
      name: 'int32 params',
      build: () => tf.gather(tf.constant([10, 20, 30], { dtype: 'int32' }), [2, 2, 0]),
      staticShape: '(3,)',
      dtype: 'int32',
      expected: { shape: [3], values: [30, 30, 10] },
    },
    {
      name: 'axis out of range',
      build: () => tf.gather(p([2, 3]), [0], { axis: 2 }),
      throws: /Shape must be at least rank 3 but is rank 2/,
      throwsClass: tf.ValueError,
    },
    {
      name: 'index out of range at run time',
      build: () => tf.gather(p([2, 3]), [0, 2]),
      feeds: { 'x:0': nd('float32', iota([2, 3])) },
      throws: /indices\[1\] = 2 is not in \[0, 2\)/,
      throwsClass: tf.InvalidArgumentError,
    },
    {
      name: 'negative index at run time',
      build: () => tf.gather(p([2, 3]), [[0], [-1]], { axis: 1 }),
      feeds: { 'x:0': nd('float32', iota([2, 3])) },
      throws: /indices\[1,0\] = -1 is not in \[0, 3\)/,
      throwsClass: tf.InvalidArgumentError,
    },
  ])('$name', runBoth);

  it('builds GatherV2 with Tparams, Tindices, Taxis and batch_dims', () => {
    const y = tf.gather(p([2, 3]), [1, 0], { axis: 1 });
    expect(y.op.inputs.map((t) => t.op.name)).toEqual(['x', 'GatherV2/indices', 'GatherV2/axis']);
    expect(['Tparams', 'Tindices', 'Taxis', 'batch_dims'].map((a) => y.op.getAttr(a))).toEqual([
      'float32',
      'int32',
      'int32',
      0,
    ]);
  });
});

describe('oneHot', () => {
  const ind: Arr = { shape: [2, 3], data: [0, 2, 1, 3, -1, 2] };
  it.each<OpCase>([
    {
      name: 'default axis -1',
      build: () => tf.oneHot(p([2, 3], 'i', 'int32'), 3),
      feeds: { 'i:0': nd('int32', ind) },
      staticShape: '(2, 3, 3)',
      dtype: 'float32',
      expected: oneHotRef(ind, 3, -1),
    },
    {
      name: 'axis 0, on/off values',
      build: () => tf.oneHot(p([2, 3], 'i', 'int32'), 4, { onValue: 5, offValue: -1, axis: 0 }),
      feeds: { 'i:0': nd('int32', ind) },
      staticShape: '(4, 2, 3)',
      expected: oneHotRef(ind, 4, 0, 5, -1),
    },
    {
      name: 'axis 1, int32',
      build: () => tf.oneHot(p([null, 3], 'i', 'int32'), 3, { axis: 1, dtype: 'int32' }),
      feeds: { 'i:0': nd('int32', ind) },
      staticShape: '(?, 3, 3)',
      dtype: 'int32',
      expected: oneHotRef(ind, 3, 1),
    },
    {
      name: 'bool on/off values',
      build: () => tf.oneHot([1, 0], 2, { onValue: true, offValue: false }),
      staticShape: '(2, 2)',
      dtype: 'bool',
      expected: oneHotRef({ shape: [2], data: [1, 0] }, 2, -1),
    },
    {
      name: 'unknown rank',
      build: () => tf.oneHot(p(null, 'i', 'int32'), 3),
      feeds: { 'i:0': nd('int32', ind) },
      staticShape: '<unknown>',
      expected: oneHotRef(ind, 3, -1),
    },
    {
      name: 'depth of unknown value',
      build: () => tf.oneHot([1, 0], p([], 'd', 'int32')),
      feeds: { 'd:0': 2 },
      staticShape: '(2, ?)',
      expected: oneHotRef({ shape: [2], data: [1, 0] }, 2, -1),
    },
    {
      name: 'axis below -1',
      build: () => tf.oneHot(p([2], 'i', 'int32'), 3, { axis: -2 }),
      throws: /axis must be >= -1/,
      throwsClass: tf.ValueError,
    },
    {
      name: 'negative depth',
      build: () => tf.oneHot(p([2], 'i', 'int32'), -1),
      throws: /Dimension size, given by scalar input 1, must be non-negative but is -1/,
      throwsClass: tf.ValueError,
    },
    {
      name: 'on/off dtypes differ',
      build: () => tf.oneHot([0], 2, { onValue: 1, offValue: tf.constant(0, { dtype: 'int32' }) }),
      throws: /dtype float32 of on_value does not match dtype int32 of off_value/,
      throwsClass: tf.TypeError,
    },
  ])('$name', runBoth);

  it('names one_hot/on_value and one_hot/off_value, or Const/Const_1 when given', () => {
    tf.oneHot([0, 2], 3);
    tf.oneHot(p([null], 'i', 'int32'), 3, { onValue: 5, offValue: -1, axis: 0 });
    const ops = tf
      .getDefaultGraph()
      .getOperations()
      .map((o) => o.name);
    expect(ops).toEqual([
      'one_hot/on_value',
      'one_hot/off_value',
      'one_hot/indices',
      'one_hot/depth',
      'one_hot',
      'i',
      'one_hot_1/Const',
      'one_hot_1/Const_1',
      'one_hot_1/depth',
      'one_hot_1',
    ]);
    const op = tf.getDefaultGraph().getOperationByName('one_hot_1');
    expect(['axis', 'T', 'TI'].map((a) => op.getAttr(a))).toEqual([0, 'float32', 'int32']);
  });
});

describe('unsortedSegmentSum (the dense gradient of gather)', () => {
  const data = rand([4, 3], 9);
  it.each<OpCase>([
    {
      name: 'rows into 3 segments, one dropped',
      build: () => unsortedSegmentSum(p([4, 3]), [2, 0, 2, -1], 3),
      feeds: { 'x:0': nd('float32', data) },
      staticShape: '(3, 3)',
      expected: segmentSumRef(data, [2, 0, 2, -1], 3),
    },
    {
      name: 'unknown rows',
      build: () => unsortedSegmentSum(p([null, 3]), p([null], 's', 'int32'), 2),
      feeds: { 'x:0': nd('float32', data), 's:0': nd('int32', { shape: [4], data: [1, 1, 0, 1] }) },
      staticShape: '(2, 3)',
      expected: segmentSumRef(data, [1, 1, 0, 1], 2),
    },
    {
      name: 'id out of range',
      build: () => unsortedSegmentSum(p([4, 3]), [0, 0, 3, 0], 3),
      feeds: { 'x:0': nd('float32', data) },
      throws: /segment_ids\[2\] = 3 is out of range \[0, 3\)/,
      throwsClass: tf.InvalidArgumentError,
    },
  ])('$name', runBoth);
});
