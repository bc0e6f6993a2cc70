// tf.contrib: the parts of TF1's contrib that tfgraph keeps. Re-exports only.
import { l1Regularizer, l2Regularizer } from '../init/regularizers.js';

/** tf.contrib.layers: TF1's regularizer factories. @example tf.contrib.layers.l2Regularizer(1e-4) */
export const layers = Object.freeze({ l1Regularizer, l2Regularizer });
