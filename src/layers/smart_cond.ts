import { ValueError } from '../errors.js';
import { Tensor } from '../graph/tensor.js';
import { constantValue } from '../ops/core/apply.js';
import { symbolicOf, type TensorLike } from '../ops/core/tensor_like.js';
import { cond } from '../ops/control/cond.js';

/** A layer's `training` flag: a boolean, a boolean tensor, or a host boolean value. */
export type TrainingFlag = boolean | TensorLike | null | undefined;

/** The flag's value when it is known while building (a boolean or a constant tensor), else null. */
export function staticTraining(training: TrainingFlag, def = false): boolean | null {
  if (training === null || training === undefined) return def;
  if (typeof training === 'boolean') return training;
  const t = symbolicOf(training);
  if (!t)
    throw new ValueError(
      `\`training\` must be a boolean or a boolean tensor. Received: ${String(training)}`,
    );
  if (t.dtype !== 'bool')
    throw new ValueError(`\`training\` must be a boolean tensor, got dtype ${t.dtype}`);
  const v = constantValue(t);
  return v === null ? null : Boolean(v.data[0]);
}

/**
 * TF's smart_cond: the branch itself when the flag is known while building, else tf.cond on
 * the flag (both branches built, only the taken one runs).
 */
export function smartCond(
  training: TrainingFlag,
  trueFn: () => Tensor,
  falseFn: () => Tensor,
  def = false,
): Tensor {
  const known = staticTraining(training, def);
  if (known !== null) return known ? trueFn() : falseFn();
  return cond(predicate(training), trueFn, falseFn);
}

/** smartCond for branches returning three tensors (fused batch norm's outputs). */
export function smartCond3(
  training: TrainingFlag,
  trueFn: () => [Tensor, Tensor, Tensor],
  falseFn: () => [Tensor, Tensor, Tensor],
  def = false,
): [Tensor, Tensor, Tensor] {
  const known = staticTraining(training, def);
  if (known !== null) return known ? trueFn() : falseFn();
  return cond(predicate(training), trueFn, falseFn);
}

function predicate(training: TrainingFlag): Tensor {
  const pred = symbolicOf(training);
  if (!(pred instanceof Tensor))
    throw new ValueError('`training` must be a boolean or a boolean tensor');
  return pred;
}
