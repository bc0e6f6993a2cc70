// tf.regularizers (Keras' l1, l2, l1l2): re-exports only.
export { l1, l2, l1l2 } from '../init/regularizers.js';
export type { Regularizer } from '../init/regularizers.js';
