import { NDArray } from '../../graph/ndarray.js';
import type { TensorShape } from '../../graph/shape.js';
import type { IrNode, IrRef } from '../ir.js';

/** The static shape of a value in the IR. */
export function staticShapeOf(r: IrRef, byKey: ReadonlyMap<string, IrNode>): TensorShape {
  if (r.kind !== 'out') return r.tensor.shape;
  const n = byKey.get(r.node);
  if (!n) throw new Error(`internal: no node '${r.node}' in the plan`);
  return n.outputs[r.index]!.shape;
}

/** Elements above which a constant is not read back to compare (the rewrites want tiny ones). */
const READ_LIMIT = 4096;

/** The value of a constant in the IR (a Const, or a folded value), small ones only. */
export function constantEntries(
  r: IrRef,
  byKey: ReadonlyMap<string, IrNode>,
): { shape: readonly number[]; data: ArrayLike<number> | readonly string[] } | null {
  if (r.kind !== 'out') return null;
  const n = byKey.get(r.node);
  if (!n || n.control.length > 0) return null;
  if (n.held) {
    const t = n.held[r.index];
    if (!t || t.size > READ_LIMIT || t.dtype === 'string') return null;
    return { shape: t.shape, data: t.dataSync() as ArrayLike<number> };
  }
  if (n.type !== 'Const' || n.inputs.length > 0) return null;
  const v = n.attrs['value'];
  if (!(v instanceof NDArray) || v.size > READ_LIMIT) return null;
  return { shape: v.shape, data: v.data };
}
