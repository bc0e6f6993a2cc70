import { GraphKeys } from '../../graph/collections.js';
import { getDefaultGraph } from '../../graph/default.js';
import type { Tensor } from '../../graph/tensor.js';
import { constant } from '../array/const.js';
import { applyOp } from '../core/apply.js';
import type { TensorLike } from '../core/tensor_like.js';
import { HistogramSummary } from './histogram_summary.js';
import { MergeSummary } from './merge_summary.js';
import { ScalarSummary } from './scalar_summary.js';

export interface SummaryOptions {
  /** Collections to add the summary to (default [SUMMARIES]). */
  collections?: readonly string[];
  /** Prefix for the tag and the name scope, as TF1's `family`. */
  family?: string;
}

/** TF's summary_scope: the tag is the (family-prefixed) scope name, the op is named by it. */
function summaryScope<T>(name: string, family: string | undefined, fn: (tag: string, scope: string) => T): T {
  const g = getDefaultGraph();
  const build = (): T =>
    g.nameScope(name, (scope) => {
      const tag = family ? `${family}/${scope.slice(0, -1)}` : scope.slice(0, -1);
      return fn(tag, scope);
    });
  return family ? g.nameScope(family, build) : build();
}

function collect(t: Tensor, collections: readonly string[] | undefined): Tensor {
  getDefaultGraph().addToCollections(collections ?? [GraphKeys.SUMMARIES], t);
  return t;
}

/** A scalar summary (TF1's ScalarSummary op). @example tf.summary.scalar('loss', loss) */
export function scalar(name: string, tensor: TensorLike, options: SummaryOptions = {}): Tensor {
  return summaryScope(name, options.family, (tag, scope) => {
    const tags = constant(tag, { dtype: 'string', name: 'tags' });
    return collect(applyOp(ScalarSummary, [tags, tensor], {}, { name: scope })[0]!, options.collections);
  });
}

/** A histogram summary of a tensor's values. @example tf.summary.histogram('weights', w) */
export function histogram(name: string, values: TensorLike, options: SummaryOptions = {}): Tensor {
  return summaryScope(name, options.family, (tag, scope) => {
    const t = constant(tag, { dtype: 'string', name: 'tag' });
    return collect(applyOp(HistogramSummary, [t, values], {}, { name: scope })[0]!, options.collections);
  });
}

/** Merges summaries into one serialized Summary. @example tf.summary.merge([a, b]) */
export function merge(inputs: readonly TensorLike[], options: { collections?: readonly string[]; name?: string } = {}): Tensor {
  const g = getDefaultGraph();
  return g.nameScope(options.name ?? 'Merge', () => {
    const out = applyOp(MergeSummary, [inputs], {}, { name: 'MergeSummary' })[0]!;
    if (options.collections) g.addToCollections(options.collections, out);
    return out;
  });
}

/** All summaries in SUMMARIES (or `key`) merged, or null when there are none. @example const merged = tf.summary.mergeAll() */
export function mergeAll(key: string = GraphKeys.SUMMARIES): Tensor | null {
  const list = getDefaultGraph().getCollection<Tensor>(key);
  return list.length ? merge(list) : null;
}
