// tf.nn: re-exports only.
export { relu } from '../ops/nn/relu.js';
