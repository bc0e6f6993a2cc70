import { Operation } from '../graph/operation.js';
import type { Tensor } from '../graph/tensor.js';

/**
 * TF's get_reachable_from_inputs: every op and tensor downstream of `inputs`, following data
 * edges (an op reached through a tensor, the op's outputs after it). Used to tell which
 * input-conditional losses and updates depend on a given call's inputs.
 */
export function reachableFrom(inputs: readonly Tensor[]): Set<Tensor | Operation> {
  const seen = new Set<Tensor | Operation>();
  const queue: (Tensor | Operation)[] = [...inputs];
  while (queue.length > 0) {
    const x = queue.pop()!;
    if (seen.has(x)) continue;
    seen.add(x);
    if (x instanceof Operation) queue.push(...x.outputs);
    else queue.push(...x.consumers());
  }
  return seen;
}
