import { ValueError } from '../../errors.js';
import type { Operation } from '../../graph/operation.js';
import type { Tensor } from '../../graph/tensor.js';
import { constant } from '../array/const.js';
import { onesLike } from '../array/ones_like.js';
import { size } from '../array/size.js';
import { zerosLike } from '../array/zeros_like.js';
import { noOp } from '../control/no_op.js';
import { cast } from '../math/cast.js';
import { divNoNan } from '../math/div_no_nan.js';
import { equal } from '../math/equal.js';
import { multiply } from '../math/mul.js';
import { inScope } from '../math/scope.js';
import { staticShapeOf } from '../array/static.js';
import { symbolicOf, type TensorLike } from '../core/tensor_like.js';
import { where } from '../math/select.js';
import { reduceSum } from '../math/sum.js';

/** TF's reduce_sum over every axis: the axes a Const named 'Const', as TF builds it. */
export function sumAll(x: Tensor, name?: string): Tensor {
  const rank = x.shape.rank;
  if (rank === null) return reduceSum(x, null, name === undefined ? {} : { name });
  const axes = constant(
    Int32Array.from({ length: rank }, (_, i) => i),
    { dtype: 'int32' },
  );
  return reduceSum(x, axes, name === undefined ? {} : { name });
}

/**
 * TF's weights_broadcast_ops.assert_broadcastable, for shapes known while building: weights
 * must be a scalar or have the values' rank with each dim 1 or the values' dim. Returns the
 * NoOp TF makes on success (a control dependency for what follows). // TF1: when a rank or
 * dim is unknown TF adds a run-time Assert; tfgraph leaves that check to the Mul's kernel.
 */
export function assertBroadcastable(weightsIn: TensorLike, values: Tensor): Operation | null {
  return inScope([weightsIn, values], 'assert_broadcastable', () => {
    // The weights' static shape is all the check needs: no Const is built for host weights.
    const weights = { shape: staticShapeOf(weightsIn), toString: () => describe(weightsIn) };
    const wr = weights.shape.rank;
    const vr = values.shape.rank;
    if (wr === null || vr === null) return null;
    if (wr === 0) return noOp('static_scalar_check_success');
    const prefix = 'weights can not be broadcast to values.';
    if (wr !== vr) {
      throw new ValueError(
        `${prefix} values.rank=${vr}. weights.rank=${wr}. values.shape=${values.shape.toString()}. weights.shape=${weights.shape.toString()}. Received weights=${weights.toString()}, values=${values.toString()}`,
      );
    }
    if (!weights.shape.isFullyDefined() || !values.shape.isFullyDefined()) return null;
    const w = weights.shape.dims as number[];
    const v = values.shape.dims as number[];
    for (let i = 0; i < v.length; i++) {
      if (w[i] !== 1 && w[i] !== v[i]) {
        throw new ValueError(
          `${prefix} Mismatch at dim ${i}. values.shape=[${v.join(' ')}], weights.shape=[${w.join(' ')}]. Received weights=${weights.toString()}, values=${values.toString()}`,
        );
      }
    }
    return noOp('static_dims_check_success');
  });
}

function describe(x: TensorLike): string {
  const t = symbolicOf(x);
  return t ? t.toString() : (JSON.stringify(x) ?? String(x));
}

/** Runs `fn` after `dep` when there is one (TF's control_dependencies on the assert). */
export function after<T>(dep: Operation | null, graphOf: Tensor, fn: () => T): T {
  return dep ? graphOf.graph.controlDependencies([dep], fn) : fn();
}

/** TF's broadcast_weights: `weights` unchanged when the shapes already agree, else weights * ones_like(values). */
export function broadcastWeights(weights: Tensor, values: Tensor): Tensor {
  return inScope([weights, values], 'broadcast_weights', (scope) => {
    if (
      weights.shape.isFullyDefined() &&
      values.shape.isFullyDefined() &&
      weights.shape.isCompatibleWith(values.shape)
    )
      return weights;
    return after(assertBroadcastable(weights, values), values, () =>
      multiply(weights, onesLike(values), scope),
    );
  });
}

/** TF's _num_present: the number of elements of `losses` whose broadcast weight is non-zero. */
export function numPresent(losses: Tensor, weights: Tensor): Tensor {
  return inScope([losses, weights], 'num_present', (scope) => {
    const w = cast(weights, 'float32');
    const present = where(equal(w, 0), zerosLike(w, 'zeros_like'), onesLike(w));
    return sumAll(broadcastWeights(present, losses), scope);
  });
}

/** TF's _num_elements: size(losses) as losses' dtype. */
export function numElements(losses: Tensor): Tensor {
  return inScope([losses], 'num_elements', (scope) => {
    return cast(size(losses, scope), losses.dtype);
  });
}

/** TF's _safe_mean: sum(losses) / numPresent, 0 where numPresent is 0 (DivNoNan 'value'). */
export function safeMean(losses: Tensor, present: Tensor): Tensor {
  const total = reduceSum(losses, constant(new Int32Array(0), { dtype: 'int32', name: 'Const' }), {
    name: 'Sum',
  });
  return divNoNan(total, present, 'value');
}
