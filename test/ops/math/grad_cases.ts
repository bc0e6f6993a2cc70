// Gradcheck rows for every differentiable math op (symbolic gradient vs central differences).
import * as tf from '../../../src/index.js';
import { reciprocalGrad } from '../../../src/ops/math/reciprocal_grad.js';
import { rsqrtGrad } from '../../../src/ops/math/rsqrt_grad.js';
import { sqrtGrad } from '../../../src/ops/math/sqrt_grad.js';
import type { GradCase } from '../../util/gradcheck.js';
import { values } from './ref.js';

/** n values in [lo, hi): inputs of functions defined for positive x only. */
const pos = (n: number, seed: number, lo = 0.5, hi = 1.5): number[] => values(n, seed, lo, hi);

/**
 * `x` seen with unknown leading dims: reshaped through a shape tensor whose value is unknown
 * while building, then (with `keep`) to [-1, ...trailing dims]. The gradient flows through
 * both Reshapes, so the op under test sees unknown dims while its gradient is built.
 */
function unknownDims(x: tf.Tensor, keep = true): tf.Tensor {
  const dims = x.shape.asList() as number[];
  const s = tf.placeholderWithDefault(Int32Array.from(dims), [dims.length]);
  const t = tf.reshape(x, s);
  return keep ? tf.reshape(t, [-1, ...dims.slice(1)]) : t;
}

/** `x` with an unknown static rank (same values). */
function unknownRank(x: tf.Tensor): tf.Tensor {
  const dims = x.shape.asList() as number[];
  return tf.reshape(x, tf.placeholderWithDefault(Int32Array.from(dims), null));
}

/** Constant axes whose value is unknown while building (a PlaceholderWithDefault). */
const dynamicAxes = (axes: number[]): tf.Tensor =>
  tf.placeholderWithDefault(Int32Array.from(axes), [axes.length]);

const mask = (shape: number[], bits: boolean[]): tf.Tensor => tf.constant(bits, { shape });

export const GRAD_CASES: GradCase[] = [
  // Broadcasting arithmetic, incl. unknown batch dims (the driver sums back at run time).
  {
    opType: 'Add',
    name: 'add broadcast (?,3) + (3,)',
    inputs: [{ shape: [4, 3] }, { shape: [3] }],
    build: (a, b) => tf.add(unknownDims(a), b),
  },
  {
    opType: 'Add',
    name: 'add (2,1) + (1,3)',
    inputs: [{ shape: [2, 1] }, { shape: [1, 3] }],
    build: (a, b) => tf.add(a, b),
  },
  {
    opType: 'Sub',
    name: 'sub (?,?) - (1,3) unknown dims',
    inputs: [{ shape: [2, 3] }, { shape: [1, 3] }],
    build: (a, b) => tf.subtract(unknownDims(a, false), b),
  },
  {
    opType: 'Mul',
    name: 'mul (?,3) * (3,)',
    inputs: [{ shape: [4, 3] }, { shape: [3] }],
    build: (a, b) => tf.multiply(unknownDims(a), b),
  },
  {
    opType: 'Mul',
    name: 'mul unknown rank * scalar',
    inputs: [{ shape: [2, 3] }, { shape: [] }],
    build: (a, b) => tf.multiply(unknownRank(a), b),
  },
  {
    opType: 'RealDiv',
    name: 'realdiv (2,3) / (?,1)',
    inputs: [{ shape: [2, 3] }, { shape: [2, 1], awayFromZero: 0.5 }],
    build: (a, b) => tf.realdiv(a, unknownDims(b)),
  },
  {
    opType: 'RealDiv',
    name: 'divide by a scalar',
    inputs: [{ shape: [3] }, { shape: [], awayFromZero: 0.5 }],
    build: (a, b) => tf.divide(a, b),
  },
  {
    opType: 'DivNoNan',
    name: 'divNoNan broadcast',
    inputs: [{ shape: [2, 3] }, { shape: [3], awayFromZero: 0.5 }],
    build: (a, b) => tf.divNoNan(a, b),
  },
  { opType: 'Neg', name: 'negative', inputs: [{ shape: [2, 3] }], build: (a) => tf.negative(a) },
  {
    opType: 'AddN',
    name: 'addN of three',
    inputs: [{ shape: [2, 3] }, { shape: [2, 3] }, { shape: [2, 3] }],
    build: (a, b, c) => tf.addN([a, b, c]),
  },
  {
    opType: 'SquaredDifference',
    name: 'squaredDifference (?,3) vs (3,)',
    inputs: [{ shape: [4, 3] }, { shape: [3] }],
    build: (a, b) => tf.squaredDifference(unknownDims(a), b),
  },
  {
    opType: 'SquaredDifference',
    name: 'squaredDifference same shapes',
    inputs: [{ shape: [2, 2] }, { shape: [2, 2] }],
    build: (a, b) => tf.squaredDifference(a, b),
  },
  {
    opType: 'Pow',
    name: 'pow: both gradients, broadcast',
    inputs: [{ shape: [2, 3], values: pos(6, 1) }, { shape: [3] }],
    build: (a, b) => tf.pow(a, b),
    tol: 3e-2,
  },
  {
    opType: 'Pow',
    name: 'pow by a constant exponent',
    inputs: [{ shape: [2, 3] }],
    build: (a) => tf.pow(unknownDims(a), 3),
  },
  {
    opType: 'Maximum',
    name: 'maximum (?,3) vs (3,)',
    inputs: [{ shape: [2, 3] }, { shape: [3] }],
    build: (a, b) => tf.maximum(unknownDims(a), b),
    seed: 2,
  },
  {
    opType: 'Maximum',
    name: 'maximum with a scalar (relu-like)',
    inputs: [{ shape: [6], awayFromZero: 0.2 }],
    build: (a) => tf.maximum(a, 0),
  },
  {
    opType: 'Minimum',
    name: 'minimum (2,1) vs (1,3)',
    inputs: [{ shape: [2, 1] }, { shape: [1, 3] }],
    build: (a, b) => tf.minimum(a, b),
    seed: 3,
  },
  {
    opType: 'FloorMod',
    name: 'floormod',
    inputs: [
      { shape: [2, 3], values: [0.3, 1.3, 2.6, -0.4, -1.7, 3.1] },
      { shape: [3], values: [0.7, -1.1, 1.9] },
    ],
    build: (a, b) => tf.floormod(a, b),
  },

  // Unary.
  {
    opType: 'Square',
    name: 'square',
    inputs: [{ shape: [2, 3] }],
    build: (a) => tf.square(unknownDims(a)),
  },
  {
    opType: 'Sqrt',
    name: 'sqrt',
    inputs: [{ shape: [2, 3], values: pos(6, 2) }],
    build: (a) => tf.sqrt(a),
  },
  {
    opType: 'Rsqrt',
    name: 'rsqrt',
    inputs: [{ shape: [2, 3], values: pos(6, 3) }],
    build: (a) => tf.rsqrt(a),
  },
  { opType: 'Exp', name: 'exp', inputs: [{ shape: [2, 3] }], build: (a) => tf.exp(a) },
  { opType: 'Expm1', name: 'expm1', inputs: [{ shape: [2, 3] }], build: (a) => tf.expm1(a) },
  {
    opType: 'Log',
    name: 'log',
    inputs: [{ shape: [2, 3], values: pos(6, 4) }],
    build: (a) => tf.log(a),
  },
  {
    opType: 'Log1p',
    name: 'log1p',
    inputs: [{ shape: [2, 3], values: pos(6, 5, -0.5, 1) }],
    build: (a) => tf.log1p(a),
  },
  {
    opType: 'Abs',
    name: 'abs',
    inputs: [{ shape: [2, 3], awayFromZero: 0.2 }],
    build: (a) => tf.abs(a),
  },
  {
    opType: 'Sign',
    name: 'sign (zero gradient)',
    inputs: [{ shape: [2, 3], awayFromZero: 0.2 }],
    build: (a) => tf.add(tf.sign(a), a),
  },
  {
    opType: 'Reciprocal',
    name: 'reciprocal',
    inputs: [{ shape: [2, 3], awayFromZero: 0.5 }],
    build: (a) => tf.reciprocal(a),
  },
  {
    opType: 'Cast',
    name: 'cast float32 -> float64 -> float32',
    inputs: [{ shape: [2, 3] }],
    build: (a) =>
      tf.cast(tf.multiply(tf.cast(a, 'float64'), tf.constant(2, { dtype: 'float64' })), 'float32'),
  },

  // The fused gradient ops (their own gradients give second derivatives).
  {
    opType: 'SqrtGrad',
    name: 'SqrtGrad',
    inputs: [{ shape: [2, 3], values: pos(6, 6) }, { shape: [2, 3] }],
    build: (y, dy) => sqrtGrad(y, dy),
  },
  {
    opType: 'RsqrtGrad',
    name: 'RsqrtGrad',
    inputs: [{ shape: [2, 3], values: pos(6, 7) }, { shape: [2, 3] }],
    build: (y, dy) => rsqrtGrad(y, dy),
  },
  {
    opType: 'ReciprocalGrad',
    name: 'ReciprocalGrad',
    inputs: [{ shape: [2, 3], awayFromZero: 0.5 }, { shape: [2, 3] }],
    build: (y, dy) => reciprocalGrad(y, dy),
  },

  // MatMul, every transpose combination and an unknown batch.
  {
    opType: 'MatMul',
    name: 'matmul',
    inputs: [{ shape: [2, 3] }, { shape: [3, 4] }],
    build: (a, b) => tf.matmul(a, b),
  },
  {
    opType: 'MatMul',
    name: 'matmul transposeA',
    inputs: [{ shape: [3, 2] }, { shape: [3, 4] }],
    build: (a, b) => tf.matmul(a, b, { transposeA: true }),
  },
  {
    opType: 'MatMul',
    name: 'matmul transposeB',
    inputs: [{ shape: [2, 3] }, { shape: [4, 3] }],
    build: (a, b) => tf.matmul(a, b, { transposeB: true }),
  },
  {
    opType: 'MatMul',
    name: 'matmul transposeA transposeB',
    inputs: [{ shape: [3, 2] }, { shape: [4, 3] }],
    build: (a, b) => tf.matmul(a, b, { transposeA: true, transposeB: true }),
  },
  {
    opType: 'MatMul',
    name: 'matmul (?,3) x (3,2)',
    inputs: [{ shape: [4, 3] }, { shape: [3, 2] }],
    build: (a, b) => tf.matmul(unknownDims(a), b),
  },

  // Reductions.
  { opType: 'Sum', name: 'sum all', inputs: [{ shape: [2, 3] }], build: (a) => tf.reduceSum(a) },
  {
    opType: 'Sum',
    name: 'sum axis -1 keepdims',
    inputs: [{ shape: [2, 3, 2] }],
    build: (a) => tf.reduceSum(a, -1, { keepdims: true }),
  },
  {
    opType: 'Sum',
    name: 'sum axis 1 of (?,3)',
    inputs: [{ shape: [4, 3] }],
    build: (a) => tf.reduceSum(unknownDims(a), 1),
  },
  {
    opType: 'Sum',
    name: 'sum over axes unknown while building',
    inputs: [{ shape: [2, 3, 2] }],
    build: (a) => tf.reduceSum(a, dynamicAxes([0, 2])),
  },
  {
    opType: 'Sum',
    name: 'sum of unknown rank, all axes',
    inputs: [{ shape: [2, 3] }],
    build: (a) => tf.reduceSum(unknownRank(a)),
  },
  {
    opType: 'Mean',
    name: 'mean all (static count)',
    inputs: [{ shape: [2, 3] }],
    build: (a) => tf.reduceMean(a),
  },
  {
    opType: 'Mean',
    name: 'mean axis 0 of (?,3) (dynamic count)',
    inputs: [{ shape: [4, 3] }],
    build: (a) => tf.reduceMean(unknownDims(a), 0),
  },
  {
    opType: 'Mean',
    name: 'mean keepdims over axes unknown while building',
    inputs: [{ shape: [2, 3, 2] }],
    build: (a) => tf.reduceMean(a, dynamicAxes([1]), { keepdims: true }),
  },
  {
    opType: 'Mean',
    name: 'mean all of (?,?) (dynamic count, scalar output)',
    inputs: [{ shape: [2, 3] }],
    build: (a) => tf.reduceMean(unknownDims(a, false)),
  },
  {
    opType: 'Mean',
    name: 'mean of unknown rank',
    inputs: [{ shape: [3, 2] }],
    build: (a) => tf.reduceMean(unknownRank(a), 1),
  },
  {
    opType: 'Max',
    name: 'max axis 1',
    inputs: [{ shape: [3, 4] }],
    build: (a) => tf.reduceMax(a, 1),
  },
  {
    opType: 'Max',
    name: 'max all of (?,?) keepdims',
    inputs: [{ shape: [3, 4] }],
    build: (a) => tf.reduceMax(unknownDims(a, false), null, { keepdims: true }),
  },
  {
    opType: 'Max',
    name: 'max over axes unknown while building',
    inputs: [{ shape: [2, 3, 2] }],
    build: (a) => tf.reduceMax(a, dynamicAxes([2])),
  },
  {
    opType: 'Min',
    name: 'min axis 0',
    inputs: [{ shape: [3, 4] }],
    build: (a) => tf.reduceMin(a, 0),
  },
  {
    opType: 'Min',
    name: 'min of unknown rank',
    inputs: [{ shape: [3, 4] }],
    build: (a) => tf.reduceMin(unknownRank(a), -1),
  },
  {
    opType: 'Prod',
    name: 'prod axis 1',
    inputs: [{ shape: [3, 4], awayFromZero: 0.5 }],
    build: (a) => tf.reduceProd(a, 1),
  },
  {
    opType: 'Prod',
    name: 'prod axes [0, 2] keepdims',
    inputs: [{ shape: [2, 3, 2], awayFromZero: 0.5 }],
    build: (a) => tf.reduceProd(a, [0, 2], { keepdims: true }),
  },
  {
    opType: 'Prod',
    name: 'prod all of (?,3)',
    inputs: [{ shape: [2, 3], awayFromZero: 0.5 }],
    build: (a) => tf.reduceProd(unknownDims(a)),
  },
  {
    opType: 'Cumsum',
    name: 'cumsum axis 1',
    inputs: [{ shape: [2, 3] }],
    build: (a) => tf.cumsum(a, 1),
  },
  {
    opType: 'Cumsum',
    name: 'cumsum exclusive reverse',
    inputs: [{ shape: [3, 2] }],
    build: (a) => tf.cumsum(a, 0, { exclusive: true, reverse: true }),
  },
  {
    opType: 'Cumprod',
    name: 'cumprod axis 1',
    inputs: [{ shape: [2, 3], awayFromZero: 0.5 }],
    build: (a) => tf.cumprod(a, 1),
  },
  {
    opType: 'Cumprod',
    name: 'cumprod exclusive reverse',
    inputs: [{ shape: [3, 2], awayFromZero: 0.5 }],
    build: (a) => tf.cumprod(a, 0, { exclusive: true, reverse: true }),
  },

  // Selection.
  {
    opType: 'Select',
    name: 'select elementwise',
    inputs: [{ shape: [2, 3] }, { shape: [2, 3] }],
    build: (a, b) => tf.where(mask([2, 3], [true, false, true, false, false, true]), a, b),
  },
  {
    opType: 'Select',
    name: 'select rows, unknown batch',
    inputs: [{ shape: [2, 3] }, { shape: [2, 3] }],
    build: (a, b) => tf.where(mask([2], [false, true]), unknownDims(a), b),
  },
  {
    opType: 'SelectV2',
    name: 'selectV2 broadcasting t and e',
    inputs: [{ shape: [2, 1] }, { shape: [3] }],
    build: (a, b) => tf.whereV2(mask([2, 3], [true, false, true, false, true, true]), a, b),
  },
];
