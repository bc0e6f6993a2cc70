// tf.train: re-exports only.
export { Saver, latestCheckpoint } from '../train/saver.js';
export type { SaverOptions, SaveOptions } from '../train/saver.js';
export { getGlobalStep, getOrCreateGlobalStep } from '../train/global_step.js';
export { Optimizer } from '../train/optimizer.js';
export { GradientDescentOptimizer } from '../train/gradient_descent.js';
export { MomentumOptimizer } from '../train/momentum.js';
export { AdamOptimizer } from '../train/adam.js';
export { RMSPropOptimizer } from '../train/rmsprop.js';
export { AdagradOptimizer } from '../train/adagrad.js';
export { writeGraph } from '../io/write_graph.js';
export { exponentialDecay, piecewiseConstant } from '../train/learning_rate_decay.js';
