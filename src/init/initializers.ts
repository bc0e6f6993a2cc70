import { ValueError } from '../errors.js';
import { isFloating, type DType } from '../graph/dtype.js';
import type { Tensor } from '../graph/tensor.js';
import { constant } from '../ops/array/const.js';
import { fill } from '../ops/array/fill.js';
import { randomNormal } from '../ops/random/random_normal.js';
import { randomUniform } from '../ops/random/random_uniform.js';
import { truncatedNormal } from '../ops/random/truncated_normal.js';
import { getDefaultGraph } from '../graph/default.js';
import { toNDArray, type TypedArrayLike } from '../graph/host_value.js';
import { NDArray, type HostData, type NumericArray } from '../graph/ndarray.js';
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

/**
 * TF1's constant_initializer: a scalar fills the shape; a list with fewer elements than the
 * shape is padded with its last element, one with more throws (TF1's verify_shape=False rule).
 */
export class Constant extends Initializer {
  constructor(readonly value: number | boolean | readonly unknown[] | TypedArrayLike | NDArray = 0) {
    super();
  }
  call(shape: readonly number[], dtype: DType): Tensor {
    const v = toNDArray(this.value, dtype, 'constant_initializer');
    const size = shape.reduce((a, b) => a * b, 1);
    if (v.size > size) throw new ValueError(`Too many elements provided. Takes at most ${size}, but got ${v.size}.`);
    if (v.size === 0) throw new ValueError('constant_initializer needs at least one value.');
    const src = v.data;
    let data: HostData;
    if (Array.isArray(src)) {
      const padded = [...src];
      while (padded.length < size) padded.push(src[src.length - 1]!);
      data = padded;
    } else {
      const padded = new (src.constructor as new (n: number) => NumericArray)(size);
      padded.set(src);
      padded.fill(src[src.length - 1]!, src.length);
      data = padded;
    }
    return constant(new NDArray(dtype, shape, data), { dtype, name: 'Const' });
  }
  override getConfig(): Record<string, unknown> {
    return { value: this.value };
  }
}

/** TF1's _assert_float_dtype. */
function checkFloat(dtype: DType): void {
  if (!isFloating(dtype)) throw new ValueError(`Expected floating point type, got ${dtype}.`);
}

export class RandomUniform extends Initializer {
  constructor(readonly minval = 0, readonly maxval = 0.05, readonly seed: number | null = null) {
    super();
  }
  call(shape: readonly number[], dtype: DType): Tensor {
    checkFloat(dtype);
    return randomUniform(Int32Array.from(shape), { minval: this.minval, maxval: this.maxval, dtype, seed: this.seed });
  }
}

export class RandomNormal extends Initializer {
  constructor(readonly mean = 0, readonly stddev = 1, readonly seed: number | null = null) {
    super();
  }
  call(shape: readonly number[], dtype: DType): Tensor {
    checkFloat(dtype);
    return randomNormal(Int32Array.from(shape), { mean: this.mean, stddev: this.stddev, dtype, seed: this.seed });
  }
}

export class TruncatedNormal extends Initializer {
  constructor(readonly mean = 0, readonly stddev = 1, readonly seed: number | null = null) {
    super();
  }
  call(shape: readonly number[], dtype: DType): Tensor {
    checkFloat(dtype);
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
    // TF1.15's messages (init_ops.VarianceScaling).
    if (!(scale > 0)) throw new ValueError('`scale` must be positive float.');
    if (!['fan_in', 'fan_out', 'fan_avg'].includes(mode)) throw new ValueError(`Invalid \`mode\` argument: ${mode}`);
    if (!['normal', 'uniform', 'truncated_normal', 'untruncated_normal'].includes(distribution)) {
      throw new ValueError(`Invalid \`distribution\` argument: ${distribution}`);
    }
  }
  call(shape: readonly number[], dtype: DType): Tensor {
    checkFloat(dtype);
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
export const constantInitializer = (value: number | boolean | readonly unknown[] | TypedArrayLike | NDArray = 0): Initializer => new Constant(value);
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
