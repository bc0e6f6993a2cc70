// tf.nn: re-exports only, one file per family.
export * from './nn_activation.js';
export * from './nn_conv.js';
