import { afterEach, describe, it } from 'vitest';
import * as tf from '../../../src/index.js';
import { reciprocalGrad } from '../../../src/ops/math/reciprocal_grad.js';
import { rsqrtGrad } from '../../../src/ops/math/rsqrt_grad.js';
import { sqrtGrad } from '../../../src/ops/math/sqrt_grad.js';
import { runOpCase, type OpCase } from '../../util/op_cases.js';
import { arr, awayFromZero, binary, nd, unary, type Arr } from './ref.js';

afterEach(() => tf.resetDefaultGraph());

interface UnarySpec {
  op: string;
  build: (x: tf.Tensor) => tf.Tensor;
  ref: (x: number) => number;
  xs?: (shape: number[], seed: number) => Arr;
  int?: boolean;
  tol?: number;
}

/** Round half to even, as TF's Round. */
function bankers(x: number): number {
  const f = Math.floor(x);
  const d = x - f;
  if (d > 0.5) return f + 1;
  if (d < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}

const positive = (s: number[], k: number): Arr => arr(s, k, 0.1, 3);

const SPECS: UnarySpec[] = [
  { op: 'Neg', build: (x) => tf.negative(x), ref: (x) => -x, int: true },
  { op: 'Square', build: (x) => tf.square(x), ref: (x) => x * x, int: true },
  { op: 'Sqrt', build: (x) => tf.sqrt(x), ref: Math.sqrt, xs: positive },
  { op: 'Rsqrt', build: (x) => tf.rsqrt(x), ref: (x) => 1 / Math.sqrt(x), xs: positive, tol: 1e-4 },
  { op: 'Exp', build: (x) => tf.exp(x), ref: Math.exp, tol: 1e-5 },
  { op: 'Expm1', build: (x) => tf.expm1(x), ref: Math.expm1, tol: 1e-5 },
  { op: 'Log', build: (x) => tf.log(x), ref: Math.log, xs: positive },
  { op: 'Log1p', build: (x) => tf.log1p(x), ref: Math.log1p, xs: positive },
  { op: 'Abs', build: (x) => tf.abs(x), ref: Math.abs, int: true },
  { op: 'Sign', build: (x) => tf.sign(x), ref: (x) => (x > 0 ? 1 : x < 0 ? -1 : 0), int: true },
  { op: 'Reciprocal', build: (x) => tf.reciprocal(x), ref: (x) => 1 / x, xs: awayFromZero },
  { op: 'Floor', build: (x) => tf.floor(x), ref: Math.floor },
  { op: 'Ceil', build: (x) => tf.ceil(x), ref: Math.ceil },
  { op: 'Round', build: (x) => tf.round(x), ref: bankers },
];

function rows(s: UnarySpec): OpCase[] {
  const mk = (
    shape: number[],
    staticShape: (number | null)[] | null,
    printed: string,
    seed: number,
  ): OpCase => {
    const a = (s.xs ?? arr)(shape, seed);
    return {
      name: `${s.op} ${JSON.stringify(shape)} static ${printed}`,
      build: () => s.build(tf.placeholder('float32', staticShape, 'x')),
      feeds: { 'x:0': nd('float32', a) },
      staticShape: printed,
      dtype: 'float32',
      expected: unary(a, s.ref),
      tol: s.tol ?? 1e-5,
    };
  };
  const out = [
    mk([2, 3], [2, 3], '(2, 3)', 1),
    mk([], [], '()', 2),
    mk([3, 2], [null, 2], '(?, 2)', 3),
    mk([2, 2, 2], null, '<unknown>', 4),
  ];
  if (s.int) {
    const a = arr([5], 9, -5, 5, true);
    out.push({
      name: `${s.op} int32`,
      build: () => s.build(tf.placeholder('int32', [5], 'x')),
      feeds: { 'x:0': nd('int32', a) },
      dtype: 'int32',
      expected: unary(a, s.ref),
    });
  }
  return out;
}

describe('unary math ops: values and static shapes', () => {
  it.each(SPECS.flatMap(rows))('$name', runOpCase);
  it.each<OpCase>([
    {
      name: 'Round: halves go to the even neighbour',
      build: () => tf.round(tf.constant([0.5, 1.5, 2.5, -0.5, -1.5, -2.7, 2.2])),
      expected: { shape: [7], values: [0, 2, 2, -0, -2, -3, 2] },
    },
    {
      name: 'tf.round of an int tensor is the tensor itself',
      build: () => {
        const x = tf.constant([1, 2], { dtype: 'int32' });
        const r = tf.round(x);
        if (r !== x) throw new Error('expected no Round op for an int tensor');
        return r;
      },
      expected: { shape: [2], values: [1, 2] },
    },
    {
      name: 'Reciprocal of ints truncates (C integer division)',
      build: () => tf.reciprocal(tf.constant([1, -1, 2, 5], { dtype: 'int32' })),
      dtype: 'int32',
      expected: { shape: [4], values: [1, -1, 0, 0] },
    },
  ])('$name', runOpCase);
});

// The fused gradient ops, against their formulas.
describe('SqrtGrad, RsqrtGrad, ReciprocalGrad', () => {
  const y = arr([2, 3], 5, 0.5, 2);
  const dy = arr([2, 3], 6);
  const grad = (
    name: string,
    build: (a: tf.Tensor, b: tf.Tensor) => tf.Tensor,
    f: (y: number, dy: number) => number,
  ): OpCase => ({
    name,
    build: () =>
      build(tf.placeholder('float32', [null, 3], 'y'), tf.placeholder('float32', [2, null], 'dy')),
    feeds: { 'y:0': nd('float32', y), 'dy:0': nd('float32', dy) },
    staticShape: '(2, 3)',
    expected: binary(y, dy, f),
    tol: 1e-5,
  });
  const bad = (name: string, build: (a: tf.Tensor, b: tf.Tensor) => tf.Tensor): OpCase => ({
    name: `${name} rejects different shapes`,
    build: () =>
      build(tf.placeholder('float32', [2, 3], 'y'), tf.placeholder('float32', [3], 'dy')),
    throws: /Shapes must be equal rank, but are 2 and 1/,
    throwsClass: tf.ValueError,
  });
  it.each<OpCase>([
    grad('SqrtGrad', sqrtGrad, (a, b) => (b * 0.5) / a),
    grad('RsqrtGrad', rsqrtGrad, (a, b) => -0.5 * b * a * a * a),
    grad('ReciprocalGrad', reciprocalGrad, (a, b) => -b * a * a),
    bad('SqrtGrad', sqrtGrad),
    bad('RsqrtGrad', rsqrtGrad),
    bad('ReciprocalGrad', reciprocalGrad),
  ])('$name', runOpCase);
});

describe('unary math ops: errors', () => {
  const p = (d: tf.DType): tf.Tensor => tf.placeholder(d, [2], 'x');
  it.each<OpCase>([
    {
      name: 'Sqrt of int32',
      build: () => tf.sqrt(p('int32')),
      throws:
        /Value passed to parameter 'x' has DataType int32 not in list of allowed values: bfloat16, float16, float32, float64/,
      throwsClass: tf.TypeError,
    },
    {
      name: 'Exp of int32',
      build: () => tf.exp(p('int32')),
      throws: /DataType int32 not in list of allowed values/,
      throwsClass: tf.TypeError,
    },
    {
      name: 'Log of int32',
      build: () => tf.log(p('int32')),
      throws: /DataType int32 not in list of allowed values/,
      throwsClass: tf.TypeError,
    },
    {
      name: 'Floor of int32',
      build: () => tf.floor(p('int32')),
      throws: /DataType int32 not in list of allowed values/,
      throwsClass: tf.TypeError,
    },
    {
      name: 'Abs of bool',
      build: () => tf.abs(p('bool')),
      throws: /DataType bool not in list of allowed values/,
      throwsClass: tf.TypeError,
    },
    {
      name: 'Neg of bool',
      build: () => tf.negative(p('bool')),
      throws: /DataType bool not in list of allowed values/,
      throwsClass: tf.TypeError,
    },
    {
      name: 'Square of string',
      build: () => tf.square(p('string')),
      throws: /DataType string not in list of allowed values/,
      throwsClass: tf.TypeError,
    },
  ])('$name', runOpCase);
});
