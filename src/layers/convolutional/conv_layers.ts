import type { Tensor } from '../../graph/tensor.js';
import type { TensorLike } from '../../ops/core/tensor_like.js';
import { applyFunctional, type FunctionalForm } from '../functional.js';
import * as opt from '../options.js';
import { Conv } from './conv.js';
import { convShape, type ConvOptions } from './conv_options.js';

const schemas = [1, 2, 3].map((rank) => opt.optionsSchema(convShape(rank)));
const schema = (rank: number) => schemas[rank - 1]!;

/**
 * 1-D convolution (temporal): input (batch, length, channels), kernel (k, in, filters).
 * @example const y = new tf.layers.Conv1D({filters: 8, kernelSize: 3, padding: 'same'}).apply(x)
 */
export class Conv1D extends Conv {
  constructor(options: ConvOptions) {
    super(1, opt.parseOptions(schema(1), options, new.target.name));
  }
}

/**
 * 2-D convolution (spatial): input (batch, h, w, channels), kernel (kh, kw, in, filters).
 * @example const y = new tf.layers.Conv2D({filters: 32, kernelSize: 3, activation: 'relu'}).apply(images)
 */
export class Conv2D extends Conv {
  constructor(options: ConvOptions) {
    super(2, opt.parseOptions(schema(2), options, new.target.name));
  }
}

/**
 * 3-D convolution (volumes): input (batch, d, h, w, channels), kernel (kd, kh, kw, in, filters).
 * @example const y = new tf.layers.Conv3D({filters: 4, kernelSize: [3, 3, 3]}).apply(volumes)
 */
export class Conv3D extends Conv {
  constructor(options: ConvOptions) {
    super(3, opt.parseOptions(schema(3), options, new.target.name));
  }
}

/** Functional Conv1D. @example tf.layers.conv1d(x, {filters: 8, kernelSize: 3, name: 'c1'}) */
export function conv1d(inputs: TensorLike, options: FunctionalForm<ConvOptions>): Tensor {
  return applyFunctional((o: ConvOptions) => new Conv1D(o), inputs, options);
}

/** Functional Conv2D. @example tf.layers.conv2d(x, {filters: 32, kernelSize: 5, padding: 'same', activation: tf.nn.relu}) */
export function conv2d(inputs: TensorLike, options: FunctionalForm<ConvOptions>): Tensor {
  return applyFunctional((o: ConvOptions) => new Conv2D(o), inputs, options);
}

/** Functional Conv3D. @example tf.layers.conv3d(v, {filters: 4, kernelSize: 3}) */
export function conv3d(inputs: TensorLike, options: FunctionalForm<ConvOptions>): Tensor {
  return applyFunctional((o: ConvOptions) => new Conv3D(o), inputs, options);
}
