import type { Layer } from './base.js';
import { formatSummary, type SummaryOptions } from './summary.js';

/**
 * A Keras-like summary table of `layers` (name and class, output shape, parameters), with
 * total, trainable and non-trainable counts; printed with `printFn` (console.log) and returned.
 * @example tf.layers.summary([conv, pool, dense])
 */
export function summary(layers: Layer | readonly Layer[], options: SummaryOptions = {}): string {
  return formatSummary(Array.isArray(layers) ? layers : [layers as Layer], options);
}
