import { ValueError } from '../errors.js';
import type { Tensor } from '../graph/tensor.js';
import { constant } from '../ops/array/const.js';
import { abs } from '../ops/math/abs.js';
import { add } from '../ops/math/add.js';
import { multiply } from '../ops/math/mul.js';
import { inScope } from '../ops/math/scope.js';
import { square } from '../ops/math/square.js';
import { reduceSum } from '../ops/math/sum.js';
import { l2Loss } from '../ops/nn/l2_loss.js';
import type { Regularizer } from '../variables/variable_scope.js';

export type { Regularizer };

/** The Const TF's reduce_sum builds for "all axes" of a tensor of known rank. */
function sumAll(x: Tensor): Tensor {
  const rank = x.shape.rank;
  if (rank === null) return reduceSum(x);
  return reduceSum(
    x,
    constant(
      Int32Array.from({ length: rank }, (_, i) => i),
      { dtype: 'int32' },
    ),
  );
}

/**
 * Keras' L1L2 regularizer: l1 * sum(|x|) + l2 * sum(x^2), built as Keras builds it
 * (`0. + l1 * Sum(Abs(x))`, then `+ l2 * Sum(Square(x))`). Both zero gives the constant 0.
 * @example tf.getVariable('w', {shape: [3, 3], regularizer: tf.regularizers.l1l2(0.01, 0.01)})
 */
export function l1l2(l1 = 0.01, l2 = 0.01): Regularizer {
  return (x: Tensor) => {
    if (!l1 && !l2) return constant(0, { dtype: 'float32' });
    let total: Tensor | null = null;
    if (l1) total = add(0, multiply(l1, sumAll(abs(x)), 'mul'), 'add');
    if (l2) {
      const term = multiply(l2, sumAll(square(x)), 'mul');
      total = add(total ?? 0, term, 'add');
    }
    return total;
  };
}

/** Keras' l1: scale * sum(|x|) (default scale 0.01). @example tf.regularizers.l1(1e-4) */
export function l1(scale = 0.01): Regularizer {
  return l1l2(scale, 0);
}

/** Keras' l2: scale * sum(x^2), without TF1's 1/2 (default scale 0.01). @example tf.regularizers.l2(1e-4) */
export function l2(scale = 0.01): Regularizer {
  return l1l2(0, scale);
}

/** TF1 contrib's checks: a negative scale is an error, a zero scale disables the regularizer. */
function checkScale(scale: number): boolean {
  // TF1: an integer scale is a ValueError too; JS cannot tell 2 from 2.0.
  if (scale < 0) throw new ValueError(`Setting a scale less than 0 on a regularizer: ${scale}.`);
  return scale !== 0;
}

/**
 * TF1's tf.contrib.layers.l2_regularizer: scale * l2_loss(w) = scale * sum(w^2) / 2, named as
 * TF1 names it ('l2_regularizer' scope, 'scale' Const, 'L2Loss', the Mul named as the scope).
 * A zero scale returns a regularizer that adds no loss.
 * @example tf.getVariable('w', {shape: [4, 2], regularizer: tf.contrib.layers.l2Regularizer(1e-3)})
 */
export function l2Regularizer(scale: number, scope?: string): Regularizer {
  if (!checkScale(scale)) return () => null;
  return (weights: Tensor) =>
    inScope([weights], scope ?? 'l2_regularizer', (name) => {
      const myScale = constant(scale, { dtype: weights.dtype, name: 'scale' });
      return multiply(myScale, l2Loss(weights), name);
    });
}

/**
 * TF1's tf.contrib.layers.l1_regularizer: scale * sum(|w|), in an 'l1_regularizer' scope.
 * @example tf.getVariable('w', {shape: [4, 2], regularizer: tf.contrib.layers.l1Regularizer(1e-3)})
 */
export function l1Regularizer(scale: number, scope?: string): Regularizer {
  if (!checkScale(scale)) return () => null;
  return (weights: Tensor) =>
    inScope([weights], scope ?? 'l1_regularizer', (name) => {
      const myScale = constant(scale, { dtype: weights.dtype, name: 'scale' });
      return multiply(myScale, sumAll(abs(weights)), name);
    });
}
