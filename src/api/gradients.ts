// tf.gradients: re-exports only.
export { gradients } from '../ops/gradients.js';
export type { GradientsOptions } from '../ops/gradients.js';
