import { TypeError, ValueError } from '../../errors.js';
import type { Operation } from '../../graph/operation.js';
import { getDefaultGraph } from '../../graph/default.js';
import { Tensor } from '../../graph/tensor.js';
import { constant } from '../array/const.js';
import { stack } from '../array/pack.js';
import { graphOf } from '../core/tensor_like.js';
import { cast } from '../math/cast.js';
import { lessEqual } from '../math/less_equal.js';
import { reduceSum } from '../math/sum.js';
import { assertOp } from './assert.js';
import { cond, type CondResult } from './cond.js';
import { describeStructure } from './nest.js';

export interface CaseOptions<T> {
  /** Called when no predicate holds; without it the last pair is the default (asserted true). */
  default?: () => T;
  /** Whether at most one predicate may hold (checked at run time). */
  exclusive?: boolean;
  /** TF1's `strict`, as for tf.cond. */
  strict?: boolean;
  name?: string;
}

/**
 * TF1's tf.case: the result of the first pair whose predicate holds (nested conds under
 * `case/`), else `default`. With `exclusive`, a run where several predicates hold fails.
 * Exported as `tf.case`.
 * @example const y = tf.case([[tf.less(x, 0), () => tf.negative(x)], [tf.greater(x, 10), () => tf.constant(10)]], {default: () => x})
 */
export function caseOp<T>(
  predFnPairs: readonly (readonly [Tensor, () => T])[],
  options: CaseOptions<T> = {},
): CondResult<T> {
  if (!Array.isArray(predFnPairs))
    throw new TypeError(
      `'pred_fn_pairs' must be a list, tuple, or dict. Received: ${describeStructure(predFnPairs)}`,
    );
  for (const pair of predFnPairs) {
    if (!Array.isArray(pair) || pair.length !== 2)
      throw new TypeError(
        `Each entry in 'pred_fn_pairs' must be a 2-tuple. Received ${describeStructure(pair)}.`,
      );
    const pred: unknown = pair[0];
    const fn: unknown = pair[1];
    if (!(pred instanceof Tensor))
      throw new TypeError(`pred must be a Tensor, got: ${describeStructure(pred)}`);
    if (pred.dtype !== 'bool')
      throw new TypeError(`pred must be Tensor of type bool: ${pred.name}`);
    if (typeof fn !== 'function') throw new TypeError(`fn for pred ${pred.name} must be callable.`);
  }
  if (predFnPairs.length === 0)
    throw new ValueError("'pred_fn_pairs' must contain at least one (pred, fn) pair.");
  if (options.default !== undefined && typeof options.default !== 'function')
    throw new TypeError("'default' must be callable.");
  const graph = graphOf(predFnPairs.map(([p]) => p));
  return graph.asDefault(() =>
    graph.nameScope(options.name ?? 'case', () => {
      let preds = predFnPairs.map(([p]) => p);
      let actions = predFnPairs.map(([, f]) => f);
      let fallback = options.default;
      if (!fallback) {
        // TF1 picks the last pair as the default and asserts it is the one that holds.
        const k = preds.length - 1;
        const [last, lastAction] = [preds[k]!, actions[k]!];
        const all = preds;
        const others = preds.slice(0, k);
        fallback = () => {
          const checks: Operation[] = [
            assertOp(last, [
              'Input error: None of conditions evaluated as True:',
              stack(all, 0, 'preds_c'),
            ]),
          ];
          if (others.length > 0) {
            checks.unshift(
              assertAtMostNTrue(
                others,
                0,
                `Implementation error: selected default action #${k} was called, but some of other predicates are True: `,
              ),
            );
          }
          return getDefaultGraph().controlDependencies(checks, lastAction);
        };
        preds = others;
        actions = actions.slice(0, k);
      }
      let fn: () => T | CondResult<T> = fallback;
      for (let i = preds.length - 1; i >= 0; i--) {
        const [p, action, next] = [preds[i]!, actions[i]!, fn];
        fn = () => cond(p, action, next as () => T, { strict: options.strict ?? false });
      }
      const run = fn;
      if (options.exclusive && preds.length > 0)
        return graph.controlDependencies(
          [assertAtMostNTrue(preds, 1, 'Input error: exclusive=True')],
          run,
        ) as CondResult<T>;
      return run() as CondResult<T>;
    }),
  );
}

/** TF1's _assert_at_most_n_true: an Assert that at most `n` of `preds` hold. */
function assertAtMostNTrue(preds: readonly Tensor[], n: number, msg: string): Operation {
  const predsC = stack(preds, 0, 'preds_c');
  const numTrue = reduceSum(cast(predsC, 'int32'), null, { name: 'num_true_conds' });
  const condition = lessEqual(numTrue, constant(n, { dtype: 'int32', name: 'n_true_conds' }));
  const names = preds.map((p) => p.name).join(', ');
  return assertOp(
    condition,
    [`${msg}: more than ${n} conditions (${names}) evaluated as True:`, predsC],
    { summarize: preds.length },
  );
}
