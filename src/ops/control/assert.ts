import type * as tfc from '@tensorflow/tfjs-core';
import { InvalidArgumentError } from '../../errors.js';
import type { HostValue } from '../../graph/host_value.js';
import type { Operation } from '../../graph/operation.js';
import { constant } from '../array/const.js';
import { attr } from '../core/attr.js';
import { defineOp } from '../core/define.js';
import { graphOf, symbolicOf, type TensorLike } from '../core/tensor_like.js';
import { toPredicate } from './cond.js';
import { createListOp } from './func_op.js';

/** TF's Tensor::SummarizeValue: the first `n` elements, space separated, '...' when cut. */
function summarize(t: tfc.Tensor, n: number): string {
  const data = Array.from(t.dataSync() as ArrayLike<number | string>);
  const shown = data.slice(0, n).map((v) => String(v));
  return `${shown.join(' ')}${data.length > n ? '...' : ''}`;
}

/**
 * TF's Assert: when `condition` is false, the run fails with InvalidArgumentError
 * "assertion failed: [data 0] [data 1] ..." (each entry's first `summarize` values).
 */
export const Assert = defineOp({
  type: 'Assert',
  inputs: ['condition:bool', 'data*'],
  attrs: { T: attr.types([]), summarize: attr.int(3) },
  infer: () => [],
  kernel: ([condition, ...data], a, ctx) => {
    if (condition!.dataSync()[0] === 0) {
      const parts = data.map((d) => `[${summarize(d, a.summarize)}]`);
      throw new InvalidArgumentError(`assertion failed: ${parts.join(' ')}`, ctx.op.name);
    }
    return [];
  },
  grad: 'none',
  // Its effect is the failure: never fold or prune it as pure.
  stateful: true,
});

/**
 * TF1's tf.Assert: an op that fails the run with `data` in its message when `condition` is
 * false; make other ops depend on it with tf.controlDependencies.
 * @example const check = tf.Assert(tf.less(x, 10), ['x is too large:', x])
 */
export function assertOp(
  condition: TensorLike,
  data: readonly TensorLike[],
  options: { summarize?: number; name?: string } = {},
): Operation {
  const graph = graphOf([condition, ...data]);
  return graph.asDefault(() =>
    graph.nameScope(options.name ?? 'Assert', (scope) => {
      const c = toPredicate(condition, 'Assert');
      const d = data.map(
        (x, i) => symbolicOf(x) ?? constant(x as HostValue, { name: `data_${i}` }),
      );
      return createListOp(
        Assert,
        graph,
        [c, ...d],
        { T: d.map((t) => t.dtype), summarize: options.summarize ?? 3 },
        scope,
      );
    }),
  );
}
