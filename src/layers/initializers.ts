import { ValueError } from '../errors.js';
import {
  glorotNormalInitializer,
  glorotUniformInitializer,
  Initializer,
  onesInitializer,
  randomNormalInitializer,
  randomUniformInitializer,
  truncatedNormalInitializer,
  VarianceScaling,
  zerosInitializer,
  type InitializerLike,
} from '../init/initializers.js';

export type LayerInitializer = InitializerLike;
export type LayerInitializerLike = InitializerLike | string;

/** Keras' initializer names, with keras' defaults (random_normal has stddev 0.05 there). */
const BY_NAME: Record<string, () => Initializer> = {
  zeros: zerosInitializer,
  ones: onesInitializer,
  glorot_uniform: () => glorotUniformInitializer(),
  glorot_normal: () => glorotNormalInitializer(),
  he_normal: () => new VarianceScaling(2, 'fan_in', 'truncated_normal'),
  he_uniform: () => new VarianceScaling(2, 'fan_in', 'uniform'),
  lecun_normal: () => new VarianceScaling(1, 'fan_in', 'truncated_normal'),
  lecun_uniform: () => new VarianceScaling(1, 'fan_in', 'uniform'),
  random_normal: () => randomNormalInitializer({ stddev: 0.05 }),
  random_uniform: () => randomUniformInitializer({ minval: -0.05, maxval: 0.05 }),
  truncated_normal: () => truncatedNormalInitializer({ stddev: 0.05 }),
};

/** An initializer object or function stays; a name ('zeros', 'glorotUniform') is looked up. */
export function resolveInitializer(init: LayerInitializerLike): LayerInitializer {
  if (init instanceof Initializer || typeof init === 'function') return init;
  if (typeof init === 'string') {
    const make =
      BY_NAME[init] ?? BY_NAME[init.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase()];
    if (make) return make();
    throw new ValueError(
      `Unknown initializer: ${init}. Known names: ${Object.keys(BY_NAME).join(', ')}`,
    );
  }
  throw new ValueError(
    `expected an initializer, a function (shape, dtype) -> tensor or an initializer name, got ${String(init)}`,
  );
}
