// tf.nn activations, normalization and losses-like helpers: re-exports only.
export { relu } from '../ops/nn/relu.js';
