import type { Operation } from '../graph/operation.js';
import { Tensor } from '../graph/tensor.js';
import { reachableFrom } from './reachable.js';

/** A loss or update of a layer, and whether it was added with inputs (input-conditional). */
export interface Conditional<T> {
  readonly value: T;
  /** false: added with inputs=None (a weight regularizer, a step counter). */
  readonly conditional: boolean;
}

/**
 * TF's get_losses_for / get_updates_for: for null the unconditional entries, otherwise the
 * input-conditional ones downstream of `inputs`.
 */
export function selectFor<T extends Tensor | Operation>(
  entries: readonly Conditional<T>[],
  inputs: Tensor | readonly Tensor[] | null,
): T[] {
  if (inputs === null) return entries.filter((e) => !e.conditional).map((e) => e.value);
  const reach = reachableFrom(inputs instanceof Tensor ? [inputs] : inputs);
  return entries.filter((e) => e.conditional && reach.has(e.value)).map((e) => e.value);
}
