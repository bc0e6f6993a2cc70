// Random ops of the `tf` namespace: re-exports only.
export { randomUniform } from '../ops/random/random_uniform.js';
export { randomNormal } from '../ops/random/random_normal.js';
export { truncatedNormal } from '../ops/random/truncated_normal.js';
