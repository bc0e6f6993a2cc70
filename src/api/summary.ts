// tf.summary: re-exports only.
export { scalar, histogram, merge, mergeAll } from '../ops/summary/summary.js';
export type { SummaryOptions } from '../ops/summary/summary.js';
export { FileWriter } from '../io/event_writer.js';
export type { SummaryLike } from '../io/event_writer.js';
