// tf.constraints (Keras' weight constraints): re-exports only.
export { maxNorm, nonNeg, unitNorm, minMaxNorm } from '../init/constraints.js';
export type { Constraint, MinMaxNormOptions } from '../init/constraints.js';
