import { afterEach, describe, expect, it } from 'vitest';
import * as tf from '../../../src/index.js';
import { runOpCase, type OpCase } from '../../util/op_cases.js';
import { arr, broadcastN, nd, unary } from './ref.js';

afterEach(() => tf.resetDefaultGraph());

const xa = { shape: [2, 3], data: [1.7, -1.7, 0, 2.5, -0.2, 3] };

describe('Cast', () => {
  it.each<OpCase>([
    {
      name: 'float32 -> int32 truncates toward zero',
      build: () => tf.cast(tf.placeholder('float32', [null, 3], 'x'), 'int32'),
      feeds: { 'x:0': nd('float32', xa) },
      staticShape: '(?, 3)',
      dtype: 'int32',
      expected: unary(xa, Math.trunc),
    },
    {
      name: 'float32 -> bool is x != 0',
      build: () => tf.cast(tf.placeholder('float32', null, 'x'), 'bool'),
      feeds: { 'x:0': nd('float32', xa) },
      staticShape: '<unknown>',
      dtype: 'bool',
      expected: unary(xa, (x) => (x !== 0 ? 1 : 0)),
    },
    {
      name: 'bool -> float32',
      build: () => tf.cast(tf.constant([true, false]), 'float32'),
      dtype: 'float32',
      expected: { shape: [2], values: [1, 0] },
    },
    {
      name: 'int32 -> int64 -> float64',
      build: () => tf.cast(tf.cast(tf.constant([3, -4], { dtype: 'int32' }), 'int64'), 'float64'),
      dtype: 'float64',
      expected: { shape: [2], values: [3, -4] },
    },
    {
      name: 'host value',
      build: () => tf.cast([1.5, 2.5], 'int32'),
      dtype: 'int32',
      expected: { shape: [2], values: [1, 2] },
    },
    {
      name: 'string to float is unimplemented',
      build: () => tf.cast(tf.constant(['1']), 'float32'),
      throws: /Cast string to float32 is not supported/,
      throwsClass: tf.UnimplementedError,
    },
  ])('$name', runOpCase);

  it('has TF attrs and folds a known value for shape inference', () => {
    const x = tf.placeholder('float32', [2], 'x');
    const c = tf.cast(x, 'int32');
    expect(c.op.type).toBe('Cast');
    expect(c.op.getAttr('SrcT')).toBe('float32');
    expect(c.op.getAttr('DstT')).toBe('int32');
    expect(c.op.getAttr('Truncate')).toBe(false);
    // A tensor already of the dtype comes back as itself.
    expect(tf.cast(x, 'float32')).toBe(x);
    // A Cast of a constant shape still reshapes statically.
    const s = tf.cast(tf.constant([3, 2]), 'int32');
    expect(tf.reshape(tf.placeholder('float32', [6], 'y'), s).shape.toString()).toBe('(3, 2)');
  });
});

describe('clipByValue', () => {
  const a = arr([2, 3], 3, -3, 3);
  it.each<OpCase>([
    {
      name: 'scalar bounds',
      build: () => tf.clipByValue(tf.placeholder('float32', [null, 3], 'x'), -1, 1),
      feeds: { 'x:0': nd('float32', a) },
      staticShape: '(?, 3)',
      expected: unary(a, (x) => Math.max(-1, Math.min(1, x))),
    },
    {
      name: 'per-column bounds (broadcast into t)',
      build: () =>
        tf.clipByValue(
          tf.placeholder('float32', [2, 3], 'x'),
          tf.constant([-1, 0, -2]),
          tf.constant([1, 0.5, 2]),
        ),
      feeds: { 'x:0': nd('float32', a) },
      staticShape: '(2, 3)',
      expected: broadcastN(
        [a, { shape: [3], data: [-1, 0, -2] }, { shape: [3], data: [1, 0.5, 2] }],
        (x, lo, hi) => Math.max(lo, Math.min(hi, x)),
      ),
    },
    {
      name: 'int tensor with JS literal bounds',
      build: () => tf.clipByValue(tf.constant([-5, 0, 5], { dtype: 'int32' }), 0, 3),
      dtype: 'int32',
      expected: { shape: [3], values: [0, 0, 3] },
    },
    {
      name: 'bounds that would enlarge t',
      build: () =>
        tf.clipByValue(
          tf.placeholder('float32', [3], 'x'),
          tf.placeholder('float32', [2, 3], 'lo'),
          1,
        ),
      throws: /Shapes \(3,\) and \(2, 3\) are not compatible/,
      throwsClass: tf.ValueError,
    },
    {
      name: 'bounds that do not broadcast',
      build: () =>
        tf.clipByValue(
          tf.placeholder('float32', [2, 3], 'x'),
          tf.placeholder('float32', [4], 'lo'),
          1,
        ),
      throws: /Dimensions must be equal, but are 3 and 4/,
      throwsClass: tf.ValueError,
    },
  ])('$name', runOpCase);
});
