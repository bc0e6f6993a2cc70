import { ValueError } from '../errors.js';
import { isFloating, type DType } from '../graph/dtype.js';
import type { Tensor } from '../graph/tensor.js';
import { constant } from '../ops/array/const.js';
import { fill } from '../ops/array/fill.js';
import { randomNormal } from '../ops/random/random_normal.js';
import { randomUniform } from '../ops/random/random_uniform.js';
import { truncatedNormal } from '../ops/random/truncated_normal.js';
import { getDefaultGraph } from '../graph/default.js';
import { computeFans } from './fans.js';

/**
 * A TF1 initializer: called with a fully defined shape and a dtype, it builds the ops that
 * compute the initial value (under the caller's 'Initializer' name scope).
 */
export abstract class Initializer {
  abstract call(shape: readonly number[], dtype: DType): Tensor;
  getConfig(): Record<string, unknown> {
    return {};
  }
}

/** Anything getVariable accepts as an initializer. */
export type InitializerLike = Initializer | ((shape: readonly number[], dtype: DType) => Tensor);

export function callInitializer(init: InitializerLike, shape: readonly number[], dtype: DType): Tensor {
  return init instanceof Initializer ? init.call(shape, dtype) : init(shape, dtype);
}

function filled(value: number, shape: readonly number[], dtype: DType, name: string): Tensor {
  const size = shape.reduce((a, b) => a * b, 1);
  // TF1's zeros/ones: a Const for small shapes, Fill beyond 1000 elements (keeps GraphDefs small).
  if (size < 1000) return constant(dtype === 'bool' ? value !== 0 : value, { dtype, shape, name });
  return getDefaultGraph().nameScope(name, (scope) => {
    const dims = constant(Int32Array.from(shape), { dtype: 'int32', name: 'shape_as_tensor' });
    const v = constant(dtype === 'bool' ? value !== 0 : value, { dtype, name: 'Const' });
    return fill(dims, v, scope);
  });
}

export class Zeros extends Initializer {
  call(shape: readonly number[], dtype: DType): Tensor {
    return filled(0, shape, dtype, 'zeros');
  }
}

export class Ones extends Initializer {
  call(shape: readonly number[], dtype: DType): Tensor {
    return filled(1, shape, dtype, 'ones');
  }
}

export class Constant extends Initializer {
  constructor(readonly value: number | boolean | readonly unknown[] = 0) {
    super();
  }
  call(shape: readonly number[], dtype: DType): Tensor {
    return constant(this.value as number, { dtype, shape, name: 'Const' });
  }
  override getConfig(): Record<string, unknown> {
    return { value: this.value };
  }
}

function checkFloat(dtype: DType, what: string): void {
  if (!isFloating(dtype)) throw new ValueError(`Expected float dtype for ${what}, got ${dtype}.`);
}

export class RandomUniform extends Initializer {
  constructor(readonly minval = 0, readonly maxval = 0.05, readonly seed: number | null = null) {
    super();
  }
  call(shape: readonly number[], dtype: DType): Tensor {
    checkFloat(dtype, 'random_uniform_initializer');
    return randomUniform(Int32Array.from(shape), { minval: this.minval, maxval: this.maxval, dtype, seed: this.seed });
  }
}

export class RandomNormal extends Initializer {
  constructor(readonly mean = 0, readonly stddev = 1, readonly seed: number | null = null) {
    super();
  }
  call(shape: readonly number[], dtype: DType): Tensor {
    checkFloat(dtype, 'random_normal_initializer');
    return randomNormal(Int32Array.from(shape), { mean: this.mean, stddev: this.stddev, dtype, seed: this.seed });
  }
}

export class TruncatedNormal extends Initializer {
  constructor(readonly mean = 0, readonly stddev = 1, readonly seed: number | null = null) {
    super();
  }
  call(shape: readonly number[], dtype: DType): Tensor {
    checkFloat(dtype, 'truncated_normal_initializer');
    return truncatedNormal(Int32Array.from(shape), { mean: this.mean, stddev: this.stddev, dtype, seed: this.seed });
  }
}

export type FanMode = 'fan_in' | 'fan_out' | 'fan_avg';
export type Distribution = 'normal' | 'uniform' | 'truncated_normal' | 'untruncated_normal';

/** TF1's VarianceScaling; glorot and he initializers are instances of it. */
export class VarianceScaling extends Initializer {
  constructor(
    readonly scale = 1.0,
    readonly mode: FanMode = 'fan_in',
    readonly distribution: Distribution = 'truncated_normal',
    readonly seed: number | null = null,
  ) {
    super();
    if (!(scale > 0)) throw new ValueError(`\`scale\` must be positive float, got ${scale}.`);
    if (!['fan_in', 'fan_out', 'fan_avg'].includes(mode)) throw new ValueError(`Invalid \`mode\` argument: ${mode}`);
    if (!['normal', 'uniform', 'truncated_normal', 'untruncated_normal'].includes(distribution)) {
      throw new ValueError(`Invalid \`distribution\` argument: ${distribution}`);
    }
  }
  call(shape: readonly number[], dtype: DType): Tensor {
    checkFloat(dtype, 'variance_scaling_initializer');
    const [fanIn, fanOut] = computeFans(shape);
    const denom = this.mode === 'fan_in' ? fanIn : this.mode === 'fan_out' ? fanOut : (fanIn + fanOut) / 2;
    const scale = this.scale / Math.max(1, denom);
    const s = Int32Array.from(shape);
    if (this.distribution === 'normal' || this.distribution === 'truncated_normal') {
      // 0.8796... is the stddev of a unit normal truncated to [-2, 2].
      const stddev = Math.sqrt(scale) / 0.87962566103423978;
      return truncatedNormal(s, { mean: 0, stddev, dtype, seed: this.seed });
    }
    if (this.distribution === 'untruncated_normal') {
      return randomNormal(s, { mean: 0, stddev: Math.sqrt(scale), dtype, seed: this.seed });
    }
    const limit = Math.sqrt(3 * scale);
    return randomUniform(s, { minval: -limit, maxval: limit, dtype, seed: this.seed });
  }
  override getConfig(): Record<string, unknown> {
    return { scale: this.scale, mode: this.mode, distribution: this.distribution, seed: this.seed };
  }
}

export interface SeedOption {
  seed?: number | null;
}

/** @example tf.getVariable('b', {shape: [10], initializer: tf.zerosInitializer()}) */
export const zerosInitializer = (): Initializer => new Zeros();
/** @example tf.onesInitializer() */
export const onesInitializer = (): Initializer => new Ones();
/** @example tf.constantInitializer(0.1) */
export const constantInitializer = (value: number | boolean | readonly unknown[] = 0): Initializer => new Constant(value);
/** @example tf.randomUniformInitializer({minval: -1, maxval: 1, seed: 3}) */
export const randomUniformInitializer = (o: { minval?: number; maxval?: number } & SeedOption = {}): Initializer => new RandomUniform(o.minval ?? 0, o.maxval ?? 0.05, o.seed ?? null);
/** @example tf.randomNormalInitializer({stddev: 0.02}) */
export const randomNormalInitializer = (o: { mean?: number; stddev?: number } & SeedOption = {}): Initializer => new RandomNormal(o.mean ?? 0, o.stddev ?? 1, o.seed ?? null);
/** @example tf.truncatedNormalInitializer({stddev: 0.1}) */
export const truncatedNormalInitializer = (o: { mean?: number; stddev?: number } & SeedOption = {}): Initializer => new TruncatedNormal(o.mean ?? 0, o.stddev ?? 1, o.seed ?? null);
/** @example tf.varianceScalingInitializer({scale: 2, mode: 'fan_in'}) */
export const varianceScalingInitializer = (o: { scale?: number; mode?: FanMode; distribution?: Distribution } & SeedOption = {}): Initializer =>
  new VarianceScaling(o.scale ?? 1, o.mode ?? 'fan_in', o.distribution ?? 'truncated_normal', o.seed ?? null);
/** The default for float variables, as in TF1. @example tf.glorotUniformInitializer({seed: 1}) */
export const glorotUniformInitializer = (o: SeedOption = {}): Initializer => new VarianceScaling(1, 'fan_avg', 'uniform', o.seed ?? null);
/** @example tf.glorotNormalInitializer() */
export const glorotNormalInitializer = (o: SeedOption = {}): Initializer => new VarianceScaling(1, 'fan_avg', 'truncated_normal', o.seed ?? null);
