import { TypeError, ValueError } from '../../errors.js';
import { Operation } from '../../graph/operation.js';
import { Tensor } from '../../graph/tensor.js';
import type { HostValue } from '../../graph/host_value.js';
import { constant } from '../array/const.js';
import { identity } from '../array/identity.js';
import { graphOf, symbolicOf, type TensorLike } from '../core/tensor_like.js';
import { group } from './group.js';

export interface TupleOptions {
  /** More ops (or tensors' ops) every result waits for. */
  controlInputs?: readonly (Operation | Tensor)[];
  name?: string;
}

/**
 * TF1's tf.tuple: the same values, each available only once all of them (and `controlInputs`)
 * are computed: `tuple/control_dependency` Identities after a `tuple/group_deps` NoOp.
 * Null entries stay null; an Operation entry comes back as a NoOp that runs after the gate.
 * @example const [a2, b2] = tf.tuple([a, b])
 */
export function tuple(
  tensors: readonly (TensorLike | Operation | null)[],
  options: TupleOptions = {},
): (Tensor | Operation | null)[] {
  if (!Array.isArray(tensors))
    throw new TypeError(`'tensors' must be a list or tuple. Received: ${String(tensors)}`);
  const graph = graphOf(tensors.filter((t) => t !== null && !(t instanceof Operation)));
  return graph.asDefault(() =>
    graph.nameScope(options.name ?? 'tuple', () => {
      const items = tensors.map((t) =>
        t === null || t instanceof Operation ? t : (symbolicOf(t) ?? constant(t as HostValue)),
      );
      const gating: Operation[] = items
        .filter((t): t is Tensor | Operation => t !== null)
        .map((t) => (t instanceof Operation ? t : t.op));
      for (const c of options.controlInputs ?? []) {
        if (c instanceof Tensor) gating.push(c.op);
        else if (c instanceof Operation) gating.push(c);
        else
          throw new TypeError(
            `'control_inputs' must only contain Operation or Tensor. Received: ${typeof c}`,
          );
      }
      const unique = [...new Set(gating)].sort((a, b) => a.id - b.id);
      if (unique.length === 0)
        throw new ValueError(
          `'tensors' must have at least one Tensor. Received: [${tensors.map(String).join(', ')}].`,
        );
      const gate = group(unique);
      return items.map((t) => {
        if (t === null) return null;
        return graph.controlDependencies([gate], () =>
          t instanceof Operation ? group(t) : identity(t, 'control_dependency'),
        );
      });
    }),
  );
}
