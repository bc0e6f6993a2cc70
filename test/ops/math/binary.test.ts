import { afterEach, describe, it } from 'vitest';
import * as tf from '../../../src/index.js';
import { runOpCase, type OpCase } from '../../util/op_cases.js';
import { arr, awayFromZero, binary, nd, type Arr } from './ref.js';

afterEach(() => tf.resetDefaultGraph());

type Builder = (x: tf.Tensor, y: tf.Tensor) => tf.Tensor;

interface BinSpec {
  op: string;
  build: Builder;
  ref: (x: number, y: number) => number;
  /** Input makers (default: uniform in [-2, 2)). */
  xs?: (shape: number[], seed: number) => Arr;
  ys?: (shape: number[], seed: number) => Arr;
  int?: boolean;
  tol?: number;
}

const floorMod = (x: number, y: number): number => x - Math.floor(x / y) * y;

const SPECS: BinSpec[] = [
  { op: 'Add', build: (x, y) => tf.add(x, y), ref: (x, y) => x + y, int: true },
  { op: 'Sub', build: (x, y) => tf.subtract(x, y), ref: (x, y) => x - y, int: true },
  { op: 'Mul', build: (x, y) => tf.multiply(x, y), ref: (x, y) => x * y, int: true },
  { op: 'RealDiv', build: (x, y) => tf.realdiv(x, y), ref: (x, y) => x / y, ys: awayFromZero },
  { op: 'Maximum', build: (x, y) => tf.maximum(x, y), ref: Math.max, int: true },
  { op: 'Minimum', build: (x, y) => tf.minimum(x, y), ref: Math.min, int: true },
  {
    op: 'Pow',
    build: (x, y) => tf.pow(x, y),
    ref: Math.pow,
    xs: (s, k) => arr(s, k, 0.2, 2),
    tol: 1e-4,
  },
  {
    op: 'SquaredDifference',
    build: (x, y) => tf.squaredDifference(x, y),
    ref: (x, y) => (x - y) ** 2,
    int: true,
  },
  {
    op: 'FloorDiv',
    build: (x, y) => tf.floordiv(x, y),
    ref: (x, y) => Math.floor(x / y),
    ys: awayFromZero,
  },
  {
    op: 'FloorMod',
    build: (x, y) => tf.floormod(x, y),
    ref: floorMod,
    ys: awayFromZero,
    tol: 1e-4,
  },
  { op: 'DivNoNan', build: (x, y) => tf.divNoNan(x, y), ref: (x, y) => x / y, ys: awayFromZero },
];

/** Float rows per op: static broadcasting, unknown dims, unknown rank. */
function floatRows(s: BinSpec): OpCase[] {
  const mk = (
    xShape: number[],
    yShape: number[],
    xStatic: tf.TensorShape | (number | null)[] | null,
    yStatic: tf.TensorShape | (number | null)[] | null,
    staticShape: string,
    seed: number,
  ): OpCase => {
    const a = (s.xs ?? arr)(xShape, seed);
    const b = (s.ys ?? arr)(yShape, seed + 1);
    return {
      name: `${s.op} ${JSON.stringify(xShape)} ${JSON.stringify(yShape)} static ${staticShape}`,
      build: () =>
        s.build(tf.placeholder('float32', xStatic, 'x'), tf.placeholder('float32', yStatic, 'y')),
      feeds: { 'x:0': nd('float32', a), 'y:0': nd('float32', b) },
      staticShape,
      dtype: 'float32',
      expected: binary(a, b, s.ref),
      tol: s.tol ?? 1e-5,
    };
  };
  return [
    mk([2, 3], [3], [2, 3], [3], '(2, 3)', 1),
    mk([4, 1, 3], [2, 1], [4, 1, 3], [2, 1], '(4, 2, 3)', 2),
    mk([], [2, 2], [], [2, 2], '(2, 2)', 3),
    mk(
      [3, 2],
      [3, 2],
      [null, 2],
      [1, 2].map(() => null),
      '(?, 2)',
      4,
    ),
    mk([2, 3], [1, 3], [null, 3], [1, 3], '(?, 3)', 5),
    mk([2, 3], [2, 1], [null, null], [2, 1], '(2, ?)', 6),
    mk([2, 3], [3], null, [3], '<unknown>', 7),
  ];
}

function intRows(s: BinSpec): OpCase[] {
  const a = arr([2, 3], 11, -9, 9, true);
  const b = { shape: [3], data: [3, -2, 5] };
  return [
    {
      name: `${s.op} int32 broadcast`,
      build: () => s.build(tf.placeholder('int32', [2, 3], 'x'), tf.placeholder('int32', [3], 'y')),
      feeds: { 'x:0': nd('int32', a), 'y:0': nd('int32', b) },
      staticShape: '(2, 3)',
      dtype: 'int32',
      expected: binary(a, b, s.ref),
    },
  ];
}

const INT_EXTRA: BinSpec[] = [
  { op: 'FloorDiv', build: (x, y) => tf.floordiv(x, y), ref: (x, y) => Math.floor(x / y) },
  { op: 'FloorMod', build: (x, y) => tf.floormod(x, y), ref: floorMod },
  // C's integer division truncates toward zero (TF's RealDiv on ints).
  { op: 'RealDiv', build: (x, y) => tf.realdiv(x, y), ref: (x, y) => Math.trunc(x / y) },
  { op: 'Pow', build: (x, y) => tf.pow(x, tf.abs(y)), ref: (x, y) => x ** Math.abs(y) },
];

describe('binary math ops: values and static shapes', () => {
  it.each(SPECS.flatMap(floatRows))('$name', runOpCase);
  it.each([...SPECS.filter((s) => s.int), ...INT_EXTRA].flatMap(intRows))('$name', runOpCase);
});

describe('division builders (TF1 semantics)', () => {
  const a = { shape: [2, 2], data: [7, -7, 6, 1] };
  it.each<OpCase>([
    {
      name: 'divide of ints casts to float64 (truediv)',
      build: () => tf.divide(tf.placeholder('int32', [2, 2], 'x'), 2),
      feeds: { 'x:0': nd('int32', a) },
      dtype: 'float64',
      staticShape: '(2, 2)',
      expected: { shape: [2, 2], values: [3.5, -3.5, 3, 0.5] },
    },
    {
      name: 'div of ints floors (Python 2 division)',
      build: () => tf.div(tf.placeholder('int32', [2, 2], 'x'), 2),
      feeds: { 'x:0': nd('int32', a) },
      dtype: 'int32',
      expected: { shape: [2, 2], values: [3, -4, 3, 0] },
    },
    {
      name: 'div of floats is RealDiv',
      build: () => tf.div(tf.placeholder('float32', [2, 2], 'x'), 2),
      feeds: { 'x:0': nd('float32', a) },
      dtype: 'float32',
      expected: { shape: [2, 2], values: [3.5, -3.5, 3, 0.5] },
    },
    {
      name: 'DivNoNan gives 0 where y is 0',
      build: () => tf.divNoNan(tf.constant([1, 2, 3]), tf.constant([0, 4, 0])),
      expected: { shape: [3], values: [0, 0.5, 0] },
    },
    {
      name: 'FloorMod takes the sign of the divisor',
      build: () => tf.floormod(tf.constant([7, -7, 7, -7]), tf.constant([3, 3, -3, -3])),
      expected: { shape: [4], values: [1, 2, -2, -1] },
    },
    {
      name: 'a JS literal meeting an int32 tensor becomes int32',
      build: () => tf.add(tf.constant([1, 2], { dtype: 'int32' }), 3),
      dtype: 'int32',
      expected: { shape: [2], values: [4, 5] },
    },
  ])('$name', runOpCase);
});

describe('binary math ops: errors', () => {
  it.each<OpCase>([
    {
      name: 'dtype mismatch',
      build: () => tf.add(tf.placeholder('float32', [2], 'x'), tf.placeholder('int32', [2], 'y')),
      throws:
        /^Input 'y' of 'Add' Op has type int32 that does not match type float32 of argument 'x'\.$/,
      throwsClass: tf.TypeError,
    },
    {
      name: 'dtype mismatch (Maximum)',
      build: () =>
        tf.maximum(tf.placeholder('int32', [2], 'x'), tf.placeholder('float32', [2], 'y')),
      throws:
        /Input 'y' of 'Maximum' Op has type float32 that does not match type int32 of argument 'x'/,
      throwsClass: tf.TypeError,
    },
    {
      name: 'incompatible broadcast shapes',
      build: () =>
        tf.add(tf.placeholder('float32', [2, 3], 'x'), tf.placeholder('float32', [2, 4], 'y')),
      throws: /Dimensions must be equal, but are 3 and 4/,
      throwsClass: tf.ValueError,
    },
    {
      name: 'incompatible broadcast shapes (Pow, leading dims)',
      build: () =>
        tf.pow(tf.placeholder('float32', [5, 3], 'x'), tf.placeholder('float32', [4, 1], 'y')),
      throws: /Dimensions must be equal, but are 5 and 4/,
      throwsClass: tf.ValueError,
    },
    {
      name: 'bool Add',
      build: () => tf.add(tf.placeholder('bool', [2], 'x'), tf.placeholder('bool', [2], 'y')),
      throws: /Value passed to parameter 'x' has DataType bool not in list of allowed values/,
      throwsClass: tf.TypeError,
    },
    {
      name: 'DivNoNan of ints',
      build: () =>
        tf.divNoNan(tf.placeholder('int32', [2], 'x'), tf.placeholder('int32', [2], 'y')),
      throws: /DataType int32 not in list of allowed values: bfloat16, float16, float32, float64/,
      throwsClass: tf.TypeError,
    },
    {
      name: 'shapes that disagree only at run time',
      build: () =>
        tf.multiply(
          tf.placeholder('float32', [null, 3], 'x'),
          tf.placeholder('float32', [null, 3], 'y'),
        ),
      feeds: { 'x:0': nd('float32', arr([2, 3], 1)), 'y:0': nd('float32', arr([4, 3], 2)) },
      throwsClass: tf.InvalidArgumentError,
    },
  ])('$name', runOpCase);
});
