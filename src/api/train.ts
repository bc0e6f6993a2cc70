// tf.train: re-exports only.
export { Saver, latestCheckpoint } from '../train/saver.js';
export type { SaverOptions, SaveOptions } from '../train/saver.js';
export { getGlobalStep, getOrCreateGlobalStep } from '../train/global_step.js';
