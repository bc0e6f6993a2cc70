// tf.initializers: re-exports only (TF1 names without the 'Initializer' suffix, as tf.initializers has).
export {
  zerosInitializer as zeros,
  onesInitializer as ones,
  constantInitializer as constant,
  randomUniformInitializer as randomUniform,
  randomNormalInitializer as randomNormal,
  truncatedNormalInitializer as truncatedNormal,
  varianceScalingInitializer as varianceScaling,
  glorotUniformInitializer as glorotUniform,
  glorotNormalInitializer as glorotNormal,
  Initializer,
} from '../init/initializers.js';
export { orthogonalInitializer as orthogonal } from '../init/orthogonal.js';
