import { afterEach, describe, expect, it } from 'vitest';
import * as tf from '../../../src/index.js';
import { OnesLike } from '../../../src/ops/array/ones_like.js';
import { ZerosLike } from '../../../src/ops/array/zeros_like.js';
import { applyOp } from '../../../src/ops/core/apply.js';
import { type OpCase } from '../../util/op_cases.js';
import { iota, nd, runBoth } from './ref.js';

afterEach(() => tf.resetDefaultGraph());

const p = (shape: (number | null)[] | null, name = 'x', dtype: tf.DType = 'float32'): tf.Tensor =>
  tf.placeholder(dtype, shape, name);
const x23 = iota([2, 3]);
const typesUnder = (prefix: string): string[] =>
  tf
    .getDefaultGraph()
    .getOperations()
    .filter((o) => o.name.startsWith(prefix))
    .map((o) => o.type);

describe('pass-through ops', () => {
  it.each<OpCase>([
    {
      name: 'stopGradient',
      build: () => tf.stopGradient(p([null, 3])),
      feeds: { 'x:0': nd('float32', x23) },
      staticShape: '(?, 3)',
      expected: { shape: [2, 3], values: x23.data },
    },
    {
      name: 'identity of unknown rank',
      build: () => tf.identity(p(null)),
      feeds: { 'x:0': nd('float32', x23) },
      staticShape: '<unknown>',
      expected: { shape: [2, 3], values: x23.data },
    },
    {
      name: 'placeholderWithDefault not fed',
      build: () => tf.placeholderWithDefault(tf.constant([1, 2]), [null], 'd'),
      staticShape: '(?,)',
      expected: { shape: [2], values: [1, 2] },
    },
    {
      name: 'placeholderWithDefault fed',
      build: () => tf.placeholderWithDefault(tf.constant([1, 2]), [null], 'd'),
      feeds: { 'd:0': nd('float32', { shape: [3], data: [7, 8, 9] }) },
      staticShape: '(?,)',
      expected: { shape: [3], values: [7, 8, 9] },
    },
    {
      name: 'ZerosLike op',
      build: () => applyOp(ZerosLike, [p([null, 3])])[0]!,
      feeds: { 'x:0': nd('float32', x23) },
      staticShape: '(?, 3)',
      expected: { shape: [2, 3], values: [0, 0, 0, 0, 0, 0] },
    },
    {
      name: 'OnesLike op (imported graphs)',
      build: () => applyOp(OnesLike, [p([null, 3])])[0]!,
      feeds: { 'x:0': nd('float32', x23) },
      staticShape: '(?, 3)',
      expected: { shape: [2, 3], values: [1, 1, 1, 1, 1, 1] },
    },
  ])('$name', runBoth);

  it('stopGradient blocks tf.gradients; identity and placeholderWithDefault pass it', () => {
    const x = p([2, 3]);
    expect(tf.gradients(tf.multiply(tf.stopGradient(x), 2), x)).toEqual([null]);
    expect(tf.gradients(tf.identity(x), x)[0]).not.toBeNull();
    expect(tf.gradients(tf.placeholderWithDefault(x, [null, 3]), x)[0]).not.toBeNull();
  });
});

describe('gradient graphs', () => {
  it('gather: a dense gradient through UnsortedSegmentSum (TF densifies its IndexedSlices the same way)', () => {
    const x = p([4, 3]);
    const [g] = tf.gradients(tf.gather(x, [0, 2, 0]), x);
    expect(g!.shape.toString()).toBe('(4, 3)');
    expect(typesUnder('gradients/GatherV2_grad')).toContain('UnsortedSegmentSum');
  });

  it('concat: SplitV with known sizes; ConcatOffset and Slice for an axis of unknown value', () => {
    const a = p([2, 3], 'a');
    const b = p([2, 1], 'b');
    tf.gradients(tf.concat([a, b], 1), [a, b]);
    expect(typesUnder('gradients/concat_grad')).toContain('SplitV');
    const axis = tf.placeholderWithDefault(tf.constant(1, { dtype: 'int32' }), []);
    const [ga, gb] = tf.gradients(tf.concat([a, b], axis, 'c2'), [a, b]);
    expect(typesUnder('gradients_1/c2_grad')).toEqual(
      expect.arrayContaining(['ConcatOffset', 'Slice']),
    );
    expect([ga!.shape.toString(), gb!.shape.toString()]).toEqual(['(2, 3)', '(2, 1)']);
  });

  it('stridedSlice: StridedSliceGrad; transpose by a perm of unknown value: InvertPermutation', () => {
    const x = p([3, 4]);
    tf.gradients(tf.stridedSlice(x, [0, 1], [3, 4], [2, 1]), x);
    expect(typesUnder('gradients/StridedSlice_grad')).toContain('StridedSliceGrad');
    const perm = tf.placeholderWithDefault(tf.constant([1, 0], { dtype: 'int32' }), [2]);
    tf.gradients(tf.transpose(x, perm), x);
    expect(typesUnder('gradients_1/transpose_grad')).toContain('InvertPermutation');
  });

  it('fill: the value gets the sum of the gradient; integer inputs get none', () => {
    const v = p([], 'v');
    const [g] = tf.gradients(tf.fill([2, 3], v), v);
    expect(g!.shape.toString()).toBe('()');
    const n = p([], 'n', 'int32');
    expect(tf.gradients(tf.multiply(tf.cast(tf.range(n), 'float32'), v), [n])).toEqual([null]);
  });
});
