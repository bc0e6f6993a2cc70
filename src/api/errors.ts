// tf.errors: re-exports only.
export * from '../errors.js';
