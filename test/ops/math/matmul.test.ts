import { afterEach, describe, it } from 'vitest';
import * as tf from '../../../src/index.js';
import { runOpCase, type OpCase } from '../../util/op_cases.js';
import { arr, broadcastN, matmulRef, nd } from './ref.js';

afterEach(() => tf.resetDefaultGraph());

describe('MatMul', () => {
  const combos: [boolean, boolean][] = [
    [false, false],
    [true, false],
    [false, true],
    [true, true],
  ];
  it.each<OpCase>([
    ...combos.map(([ta, tb]): OpCase => {
      const a = arr(ta ? [3, 2] : [2, 3], 1);
      const b = arr(tb ? [4, 3] : [3, 4], 2);
      return {
        name: `transposeA=${ta} transposeB=${tb}`,
        build: () =>
          tf.matmul(
            tf.placeholder('float32', a.shape, 'a'),
            tf.placeholder('float32', b.shape, 'b'),
            { transposeA: ta, transposeB: tb },
          ),
        feeds: { 'a:0': nd('float32', a), 'b:0': nd('float32', b) },
        staticShape: '(2, 4)',
        expected: matmulRef(a, b, ta, tb),
      };
    }),
    (() => {
      const a = arr([5, 3], 3);
      const b = arr([3, 2], 4);
      return {
        name: 'unknown batch dim',
        build: () =>
          tf.matmul(
            tf.placeholder('float32', [null, 3], 'a'),
            tf.placeholder('float32', [3, 2], 'b'),
          ),
        feeds: { 'a:0': nd('float32', a), 'b:0': nd('float32', b) },
        staticShape: '(?, 2)',
        expected: matmulRef(a, b),
      };
    })(),
    (() => {
      const a = arr([2, 3], 5);
      const b = arr([3, 2], 6);
      return {
        name: 'unknown rank',
        build: () =>
          tf.matmul(
            tf.placeholder('float32', null, 'a'),
            tf.placeholder('float32', [null, 2], 'b'),
          ),
        feeds: { 'a:0': nd('float32', a), 'b:0': nd('float32', b) },
        staticShape: '(?, 2)',
        expected: matmulRef(a, b),
      };
    })(),
    (() => {
      const a = arr([2, 2], 7, -5, 5, true);
      const b = arr([2, 3], 8, -5, 5, true);
      return {
        name: 'int32',
        build: () =>
          tf.matmul(tf.placeholder('int32', [2, 2], 'a'), tf.placeholder('int32', [2, 3], 'b')),
        feeds: { 'a:0': nd('int32', a), 'b:0': nd('int32', b) },
        dtype: 'int32',
        expected: matmulRef(a, b),
      };
    })(),
    {
      name: 'inner dimensions differ',
      build: () =>
        tf.matmul(tf.placeholder('float32', [2, 3], 'a'), tf.placeholder('float32', [4, 5], 'b')),
      throws:
        /Dimensions must be equal, but are 3 and 4 for 'MatMul' with input shapes: \[2,3\], \[4,5\]/,
      throwsClass: tf.ValueError,
    },
    {
      name: 'inner dimensions differ after transpose',
      build: () =>
        tf.matmul(tf.placeholder('float32', [2, 3], 'a'), tf.placeholder('float32', [3, 4], 'b'), {
          transposeA: true,
        }),
      throws: /Dimensions must be equal, but are 2 and 3/,
      throwsClass: tf.ValueError,
    },
    {
      name: 'rank-1 operand',
      build: () =>
        tf.matmul(tf.placeholder('float32', [2, 3], 'a'), tf.placeholder('float32', [3], 'b')),
      throws: /Shape must be rank 2 but is rank 1/,
      throwsClass: tf.ValueError,
    },
    {
      name: 'bool operands',
      build: () =>
        tf.matmul(tf.placeholder('bool', [2, 2], 'a'), tf.placeholder('bool', [2, 2], 'b')),
      throws: /DataType bool not in list of allowed values/,
      throwsClass: tf.TypeError,
    },
  ])('$name', runOpCase);
});

describe('AddN', () => {
  const a = arr([2, 3], 1);
  const b = arr([2, 3], 2);
  const c = arr([2, 3], 3);
  it.each<OpCase>([
    {
      name: 'three tensors, shapes merged from unknown dims',
      build: () =>
        tf.addN([
          tf.placeholder('float32', [null, 3], 'a'),
          tf.placeholder('float32', [2, null], 'b'),
          tf.placeholder('float32', null, 'c'),
        ]),
      feeds: { 'a:0': nd('float32', a), 'b:0': nd('float32', b), 'c:0': nd('float32', c) },
      staticShape: '(2, 3)',
      expected: broadcastN([a, b, c], (x, y, z) => x + y + z),
    },
    {
      name: 'one tensor',
      build: () => tf.addN([tf.placeholder('float32', [2, 3], 'a')]),
      feeds: { 'a:0': nd('float32', a) },
      expected: { shape: [2, 3], values: Array.from(a.data) },
    },
    {
      name: 'all unknown rank',
      build: () =>
        tf.addN([tf.placeholder('int32', null, 'a'), tf.placeholder('int32', null, 'b')]),
      feeds: {
        'a:0': nd('int32', { shape: [2], data: [1, 2] }),
        'b:0': nd('int32', { shape: [2], data: [3, 4] }),
      },
      staticShape: '<unknown>',
      dtype: 'int32',
      expected: { shape: [2], values: [4, 6] },
    },
    {
      name: 'different shapes',
      build: () =>
        tf.addN([tf.placeholder('float32', [2, 3], 'a'), tf.placeholder('float32', [2, 4], 'b')]),
      throws:
        /Dimension 1 in both shapes must be equal, but are 3 and 4\. Shapes are \[2,3\] and \[2,4\]\.\n\tFrom merging shape 0 with other shapes\./,
      throwsClass: tf.ValueError,
    },
    {
      name: 'different dtypes',
      build: () =>
        tf.addN([tf.placeholder('float32', [2], 'a'), tf.placeholder('int32', [2], 'b')]),
      throws: /type int32 that does not match type float32/,
      throwsClass: tf.TypeError,
    },
  ])('$name', runOpCase);
});
