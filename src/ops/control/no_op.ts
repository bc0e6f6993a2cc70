import type { Operation } from '../../graph/operation.js';
import { getDefaultGraph } from '../../graph/default.js';
import { applyOpFull } from '../core/apply.js';
import { defineOp } from '../core/define.js';

export const NoOp = defineOp({
  type: 'NoOp',
  inputs: [],
  attrs: {},
  infer: () => [],
  kernel: () => [],
  grad: 'none',
});

/** An op that does nothing; a target for control dependencies. @example tf.noOp('init') */
export function noOp(name?: string): Operation {
  return applyOpFull(NoOp, [], {}, { name: name ?? 'NoOp', graph: getDefaultGraph() });
}
