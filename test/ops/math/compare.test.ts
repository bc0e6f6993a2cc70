import { afterEach, describe, it } from 'vitest';
import * as tf from '../../../src/index.js';
import { runOpCase, type OpCase } from '../../util/op_cases.js';
import { arr, binary, nd, unary } from './ref.js';

afterEach(() => tf.resetDefaultGraph());

const b = (v: boolean): number => (v ? 1 : 0);

// Integers in a small range, so equal elements (ties) occur.
const xa = arr([2, 3], 1, -2, 2, true);
const ya = arr([3], 2, -2, 2, true);

const COMPARISONS: [
  string,
  (x: tf.Tensor, y: tf.TensorLike) => tf.Tensor,
  (x: number, y: number) => boolean,
][] = [
  ['Equal', (x, y) => tf.equal(x, y), (x, y) => x === y],
  ['NotEqual', (x, y) => tf.notEqual(x, y), (x, y) => x !== y],
  ['Less', (x, y) => tf.less(x, y), (x, y) => x < y],
  ['LessEqual', (x, y) => tf.lessEqual(x, y), (x, y) => x <= y],
  ['Greater', (x, y) => tf.greater(x, y), (x, y) => x > y],
  ['GreaterEqual', (x, y) => tf.greaterEqual(x, y), (x, y) => x >= y],
];

describe('comparisons', () => {
  it.each<OpCase>(
    COMPARISONS.flatMap(([op, build, f]): OpCase[] => [
      {
        name: `${op} float broadcast`,
        build: () =>
          build(tf.placeholder('float32', [2, 3], 'x'), tf.placeholder('float32', [3], 'y')),
        feeds: { 'x:0': nd('float32', xa), 'y:0': nd('float32', ya) },
        staticShape: '(2, 3)',
        dtype: 'bool',
        expected: binary(xa, ya, (x, y) => b(f(x, y))),
      },
      {
        name: `${op} int32, unknown dims`,
        build: () =>
          build(tf.placeholder('int32', [null, 3], 'x'), tf.placeholder('int32', [null], 'y')),
        feeds: { 'x:0': nd('int32', xa), 'y:0': nd('int32', ya) },
        staticShape: '(?, 3)',
        dtype: 'bool',
        expected: binary(xa, ya, (x, y) => b(f(x, y))),
      },
      {
        name: `${op} unknown rank`,
        build: () => build(tf.placeholder('float32', null, 'x'), 0),
        feeds: { 'x:0': nd('float32', xa) },
        staticShape: '<unknown>',
        dtype: 'bool',
        expected: unary(xa, (x) => b(f(x, 0))),
      },
    ]),
  )('$name', runOpCase);

  it.each<OpCase>([
    {
      name: 'Equal of bools',
      build: () => tf.equal(tf.constant([true, false, true]), tf.constant([true, true, false])),
      dtype: 'bool',
      expected: { shape: [3], values: [1, 0, 0] },
    },
    {
      name: 'Less of bools is not allowed',
      build: () => tf.less(tf.constant([true]), tf.constant([false])),
      throws: /Value passed to parameter 'x' has DataType bool not in list of allowed values/,
      throwsClass: tf.TypeError,
    },
    {
      name: 'Equal with shapes that do not broadcast',
      build: () =>
        tf.equal(tf.placeholder('float32', [2, 3], 'x'), tf.placeholder('float32', [4], 'y')),
      throws: /Dimensions must be equal, but are 3 and 4/,
      throwsClass: tf.ValueError,
    },
    {
      name: 'Equal of float32 and int32',
      build: () => tf.equal(tf.placeholder('float32', [2], 'x'), tf.placeholder('int32', [2], 'y')),
      throws:
        /Input 'y' of 'Equal' Op has type int32 that does not match type float32 of argument 'x'\./,
      throwsClass: tf.TypeError,
    },
  ])('$name', runOpCase);
});

describe('logical ops', () => {
  const p = { shape: [2, 2], data: [1, 0, 1, 0] };
  const q = { shape: [2], data: [1, 0] };
  it.each<OpCase>([
    {
      name: 'LogicalAnd broadcast',
      build: () =>
        tf.logicalAnd(tf.placeholder('bool', [2, 2], 'x'), tf.placeholder('bool', [2], 'y')),
      feeds: { 'x:0': nd('bool', p), 'y:0': nd('bool', q) },
      staticShape: '(2, 2)',
      dtype: 'bool',
      expected: binary(p, q, (x, y) => x & y),
    },
    {
      name: 'LogicalOr unknown dims',
      build: () =>
        tf.logicalOr(tf.placeholder('bool', [null, 2], 'x'), tf.placeholder('bool', null, 'y')),
      feeds: { 'x:0': nd('bool', p), 'y:0': nd('bool', q) },
      staticShape: '<unknown>',
      dtype: 'bool',
      expected: binary(p, q, (x, y) => x | y),
    },
    {
      name: 'LogicalNot',
      build: () => tf.logicalNot(tf.placeholder('bool', [null, 2], 'x')),
      feeds: { 'x:0': nd('bool', p) },
      staticShape: '(?, 2)',
      dtype: 'bool',
      expected: unary(p, (x) => 1 - x),
    },
    {
      name: 'LogicalAnd with host booleans',
      build: () => tf.logicalAnd([true, true, false], false),
      expected: { shape: [3], values: [0, 0, 0] },
    },
    {
      name: 'LogicalAnd of floats',
      build: () =>
        tf.logicalAnd(tf.placeholder('float32', [2], 'x'), tf.placeholder('bool', [2], 'y')),
      throws:
        /^Input 'x' of 'LogicalAnd' Op has type float32 that does not match expected type of bool\.$/,
      throwsClass: tf.TypeError,
    },
  ])('$name', runOpCase);
});
