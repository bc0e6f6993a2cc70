import type { Tensor } from '../graph/tensor.js';
import { cast } from '../ops/math/cast.js';
import { add } from '../ops/math/add.js';
import { greaterEqual } from '../ops/math/greater_equal.js';
import { maximum } from '../ops/math/maximum.js';
import { minimum } from '../ops/math/minimum.js';
import { multiply } from '../ops/math/mul.js';
import { divide } from '../ops/math/real_div.js';
import { sqrt } from '../ops/math/sqrt.js';
import { square } from '../ops/math/square.js';
import { reduceSum } from '../ops/math/sum.js';
import type { Constraint } from '../variables/variable.js';

export type { Constraint };

/** Keras' backend epsilon, the fuzz factor of its norm constraints. */
const EPSILON = 1e-7;

export type Axis = number | readonly number[];

/** sqrt(sum(w^2, axis, keepdims)): Keras' norms along `axis`. */
function norms(w: Tensor, axis: Axis): Tensor {
  return sqrt(
    reduceSum(square(w), typeof axis === 'number' ? axis : [...axis], { keepdims: true }),
  );
}

/** Keras' K.clip: clip_by_value with max raised to min when below it (Minimum, then Maximum). */
function clip(x: Tensor, lo: number, hi: number): Tensor {
  return maximum(minimum(x, Math.max(hi, lo)), lo);
}

/**
 * Keras' MaxNorm: rescales each slice along `axis` whose L2 norm exceeds maxValue back to
 * maxValue: w * clip(norms, 0, maxValue) / (eps + norms).
 * @example tf.getVariable('w', {shape: [3, 4], constraint: tf.constraints.maxNorm(2, 0)})
 */
export function maxNorm(maxValue = 2, axis: Axis = 0): Constraint {
  return (w: Tensor) => {
    const n = norms(w, axis);
    return multiply(w, divide(clip(n, 0, maxValue), add(EPSILON, n)));
  };
}

/** Keras' NonNeg: zeroes negative weights (w * cast(w >= 0)). @example tf.constraints.nonNeg() */
export function nonNeg(): Constraint {
  return (w: Tensor) => multiply(w, cast(greaterEqual(w, 0), w.dtype));
}

/** Keras' UnitNorm: w / (eps + ||w||) along `axis`. @example tf.constraints.unitNorm(0) */
export function unitNorm(axis: Axis = 0): Constraint {
  return (w: Tensor) => divide(w, add(EPSILON, norms(w, axis)));
}

export interface MinMaxNormOptions {
  minValue?: number;
  maxValue?: number;
  /** 1: enforce the bounds strictly; below 1, move only that fraction of the way. */
  rate?: number;
  axis?: Axis;
}

/**
 * Keras' MinMaxNorm: norms pulled into [minValue, maxValue]:
 * desired = rate * clip(norms, min, max) + (1 - rate) * norms; w * desired / (eps + norms).
 * @example tf.constraints.minMaxNorm({minValue: 0.5, maxValue: 1, rate: 1, axis: 0})
 */
export function minMaxNorm(options: MinMaxNormOptions = {}): Constraint {
  const lo = options.minValue ?? 0;
  const hi = options.maxValue ?? 1;
  const rate = options.rate ?? 1;
  const axis = options.axis ?? 0;
  return (w: Tensor) => {
    const n = norms(w, axis);
    const desired = add(multiply(rate, clip(n, lo, hi)), multiply(1 - rate, n));
    return multiply(w, divide(desired, add(EPSILON, n)));
  };
}
