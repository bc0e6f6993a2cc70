import { ValueError } from '../errors.js';
import { getDefaultGraph } from '../graph/default.js';
import type { Tensor } from '../graph/tensor.js';
import { constant } from '../ops/array/const.js';
import { symbolicOf, type TensorLike } from '../ops/core/tensor_like.js';
import { cast } from '../ops/math/cast.js';
import { floor } from '../ops/math/floor.js';
import { greater } from '../ops/math/greater.js';
import { lessEqual } from '../ops/math/less_equal.js';
import { logicalAnd } from '../ops/math/logical_and.js';
import { multiply } from '../ops/math/mul.js';
import { pow } from '../ops/math/pow.js';
import { realdiv } from '../ops/math/real_div.js';
import { where } from '../ops/math/select.js';

function asFloat(value: TensorLike, name: string): Tensor {
  return symbolicOf(value) ?? constant(value as number, { name });
}

/**
 * TF1's exponential_decay: learningRate * decayRate ^ (globalStep / decaySteps), the exponent
 * floored when `staircase`.
 * @example const lr = tf.train.exponentialDecay(0.1, globalStep, 1000, 0.96, {staircase: true})
 */
export function exponentialDecay(
  learningRate: TensorLike,
  globalStep: TensorLike,
  decaySteps: TensorLike,
  decayRate: TensorLike,
  options: { staircase?: boolean; name?: string } = {},
): Tensor {
  if (globalStep === null || globalStep === undefined) throw new ValueError('global_step is required for exponential_decay.');
  return getDefaultGraph().nameScope(options.name ?? 'ExponentialDecay', (scope) => {
    const lr = asFloat(learningRate, 'learning_rate');
    const dtype = lr.dtype;
    const steps = cast(decaySteps, dtype);
    const rate = cast(decayRate, dtype);
    const step = cast(globalStep, dtype);
    let p = realdiv(step, steps);
    if (options.staircase) p = floor(p);
    return multiply(lr, pow(rate, p), scope);
  });
}

/**
 * TF1's piecewise_constant: values[0] while x <= boundaries[0], values[i] while
 * boundaries[i-1] < x <= boundaries[i], values[last] beyond the last boundary.
 * // TF1: builds tf.case over the intervals; this selects with Select ops, same values.
 * @example const lr = tf.train.piecewiseConstant(globalStep, [1000, 2000], [0.1, 0.01, 0.001])
 */
export function piecewiseConstant(x: TensorLike, boundaries: readonly number[], values: readonly TensorLike[], name?: string): Tensor {
  if (values.length !== boundaries.length + 1) {
    throw new ValueError(`The length of boundaries should be 1 less than the length of values (${boundaries.length} boundaries, ${values.length} values)`);
  }
  return getDefaultGraph().nameScope(name ?? 'PiecewiseConstant', (scope) => {
    const v = values.map((val, i) => asFloat(val, i === 0 ? 'Const' : `Const_${i}`));
    // Select from the last interval down, so the first matching condition wins.
    let out: Tensor = v[v.length - 1]!;
    for (let i = boundaries.length - 1; i >= 0; i--) {
      const inInterval = i === 0 ? lessEqual(x, boundaries[0]!) : logicalAnd(greater(x, boundaries[i - 1]!), lessEqual(x, boundaries[i]!));
      out = where(inInterval, v[i]!, out, i === 0 ? scope : undefined);
    }
    return out;
  });
}
