import { ValueError } from '../../errors.js';
import type { Operation } from '../../graph/operation.js';
import { Tensor } from '../../graph/tensor.js';
import { applyOpFull } from '../core/apply.js';
import { graphOf, symbolicOf } from '../core/tensor_like.js';
import { NoOp } from './no_op.js';

export type OpOrTensor = Operation | Tensor | { toTensor(): Tensor } | { asGraphElement(): Tensor | Operation };

function opOf(x: OpOrTensor): Operation {
  if (x instanceof Tensor) return x.op;
  if ('asGraphElement' in x && typeof x.asGraphElement === 'function') {
    const el = x.asGraphElement();
    return el instanceof Tensor ? el.op : el;
  }
  const t = symbolicOf(x);
  if (t) return t.op;
  return x as Operation;
}

/**
 * A NoOp that runs after all `inputs` (their ops become its control inputs).
 * @example const init = tf.group(initA, initB)
 */
export function group(...args: (OpOrTensor | OpOrTensor[] | { name: string })[]): Operation {
  let name: string | undefined;
  const items: OpOrTensor[] = [];
  for (const a of args) {
    if (Array.isArray(a)) items.push(...a);
    else if (typeof a === 'object' && a !== null && Object.keys(a).length === 1 && typeof (a as { name?: unknown }).name === 'string' && !(a instanceof Tensor) && !('type' in a)) {
      name = (a as { name: string }).name;
    } else items.push(a as OpOrTensor);
  }
  const ops = items.map(opOf);
  if (ops.some((o) => o === undefined)) throw new ValueError('tf.group: every argument must be an Operation or a Tensor');
  const graph = ops[0]?.graph ?? graphOf([]);
  const unique = [...new Set(ops)].sort((a, b) => a.id - b.id);
  return applyOpFull(NoOp, [], {}, { name: name ?? 'group_deps', graph, controlInputs: unique });
}
