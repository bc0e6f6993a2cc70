import { z } from 'zod';
import { TensorShape, type ShapeLike } from '../graph/shape.js';
import type { Tensor } from '../graph/tensor.js';
import { expandDims } from '../ops/array/expand_dims.js';
import { squeeze } from '../ops/array/squeeze.js';
import { transpose } from '../ops/array/transpose.js';
import type { TensorLike } from '../ops/core/tensor_like.js';
import { avgPool } from '../ops/nn/avg_pool.js';
import { avgPool3d } from '../ops/nn/avg_pool_3d.js';
import { maxPool } from '../ops/nn/max_pool.js';
import { maxPool3d } from '../ops/nn/max_pool_3d.js';
import { convOutputLength } from '../ops/util/conv.js';
import { Layer, type LayerOptions } from './base.js';
import { applyFunctional, type FunctionalForm } from './functional.js';
import { InputSpec } from './input_spec.js';
import * as opt from './options.js';

export interface PoolingOptions extends LayerOptions {
  poolSize: number | readonly number[];
  /** Defaults to poolSize. */
  strides?: number | readonly number[] | null;
  /** 'valid' (default) or 'same', any case. */
  padding?: string;
  /** 'channels_last' (default) or 'channels_first'. */
  dataFormat?: string;
}

function poolingSchema(rank: number) {
  return opt.optionsSchema({
    ...opt.baseShape,
    poolSize: opt.intTuple(rank, 'poolSize'),
    strides: opt.field<number[] | null>(
      (v) => {
        if (v === null) return { ok: null };
        const r = opt.intTuple(rank, 'strides').safeParse(v);
        return r.success
          ? { ok: r.data }
          : { error: r.error.issues[0]?.message ?? 'bad `strides`' };
      },
      () => null,
    ),
    padding: opt.padding,
    dataFormat: opt.dataFormat,
  });
}
type ParsedPooling = z.infer<ReturnType<typeof poolingSchema>>;

type PoolMode = 'max' | 'avg';

/**
 * Pooling over `rank` spatial axes (TF1's _Pooling1D/2D/3D): windows of poolSize moved by
 * strides, 'valid' or 'same' padding, either data format.
 * @example new tf.layers.MaxPooling2D({poolSize: 2}) // a Pooling of rank 2
 */
export abstract class Pooling extends Layer {
  readonly rank: number;
  readonly poolSize: readonly number[];
  readonly strides: readonly number[];
  readonly padding: opt.Padding;
  readonly dataFormat: opt.DataFormat;
  protected abstract readonly mode: PoolMode;

  protected constructor(rank: number, o: ParsedPooling) {
    super(opt.baseOf(o));
    this.rank = rank;
    this.poolSize = Object.freeze([...o.poolSize]);
    this.strides = Object.freeze([...(o.strides ?? o.poolSize)]);
    this.padding = o.padding;
    this.dataFormat = o.dataFormat;
    this.inputSpec = new InputSpec({ ndim: rank + 2 });
  }

  protected get tfPadding(): 'SAME' | 'VALID' {
    return this.padding === 'same' ? 'SAME' : 'VALID';
  }

  override computeOutputShape(inputShape: ShapeLike): TensorShape {
    const dims = TensorShape.from(inputShape).withRankOrThrow(this.rank + 2, 'inputs');
    const first = this.dataFormat === 'channels_first' ? 2 : 1;
    const out = [...dims];
    for (let i = 0; i < this.rank; i++)
      out[first + i] = convOutputLength(
        dims[first + i] ?? null,
        this.poolSize[i]!,
        this.strides[i]!,
        1,
        this.tfPadding,
      );
    return new TensorShape(out);
  }

  /** tf.nn.max_pool / avg_pool on a 4-D tensor. */
  protected pool2d(x: Tensor, ksize: number[], strides: number[], dataFormat: string): Tensor {
    const f = this.mode === 'max' ? maxPool : avgPool;
    return f(x, ksize, strides, this.tfPadding, { dataFormat });
  }
}

/** 1-D pooling as TF1 builds it: ExpandDims, 2-D pooling (channels-first via transposes, as keras' pool2d on CPU), Squeeze. */
abstract class Pooling1D extends Pooling {
  override call(inputs: Tensor): Tensor {
    const channelsLast = this.dataFormat === 'channels_last';
    const padAxis = channelsLast ? 2 : 3;
    let x = expandDims(inputs, padAxis);
    if (!channelsLast) x = transpose(x, [0, 2, 3, 1]);
    let y = this.pool2d(x, [1, this.poolSize[0]!, 1, 1], [1, this.strides[0]!, 1, 1], 'NHWC');
    if (!channelsLast) y = transpose(y, [0, 3, 1, 2]);
    return squeeze(y, [padAxis]);
  }
}

/** 2-D pooling: one MaxPool/AvgPool op in the layer's data format. */
abstract class Pooling2D extends Pooling {
  override call(inputs: Tensor): Tensor {
    const [ph, pw] = this.poolSize as [number, number];
    const [sh, sw] = this.strides as [number, number];
    const last = this.dataFormat === 'channels_last';
    return this.pool2d(
      inputs,
      last ? [1, ph, pw, 1] : [1, 1, ph, pw],
      last ? [1, sh, sw, 1] : [1, 1, sh, sw],
      last ? 'NHWC' : 'NCHW',
    );
  }
}

/** 3-D pooling: MaxPool3D/AvgPool3D in NDHWC; channels-first inputs are transposed around it, as TF1 does. */
abstract class Pooling3D extends Pooling {
  override call(inputs: Tensor): Tensor {
    const first = this.dataFormat === 'channels_first';
    const x = first ? transpose(inputs, [0, 2, 3, 4, 1]) : inputs;
    const f = this.mode === 'max' ? maxPool3d : avgPool3d;
    const y = f(x, [1, ...this.poolSize, 1], [1, ...this.strides, 1], this.tfPadding);
    return first ? transpose(y, [0, 4, 1, 2, 3]) : y;
  }
}

const schemas = [1, 2, 3].map(poolingSchema);
const parse = (rank: number, options: PoolingOptions, cls: string): ParsedPooling =>
  opt.parseOptions(schemas[rank - 1]!, options, cls);

/** Max pooling over one spatial axis. @example new tf.layers.MaxPooling1D({poolSize: 2, strides: 2}).apply(x) */
export class MaxPooling1D extends Pooling1D {
  protected readonly mode = 'max';
  constructor(options: PoolingOptions) {
    super(1, parse(1, options, new.target.name));
  }
}

/** Average pooling over one spatial axis. @example new tf.layers.AveragePooling1D({poolSize: 2}).apply(x) */
export class AveragePooling1D extends Pooling1D {
  protected readonly mode = 'avg';
  constructor(options: PoolingOptions) {
    super(1, parse(1, options, new.target.name));
  }
}

/** Max pooling over two spatial axes. @example new tf.layers.MaxPooling2D({poolSize: 2, strides: 2}).apply(images) */
export class MaxPooling2D extends Pooling2D {
  protected readonly mode = 'max';
  constructor(options: PoolingOptions) {
    super(2, parse(2, options, new.target.name));
  }
}

/** Average pooling over two spatial axes. @example new tf.layers.AveragePooling2D({poolSize: [2, 2], padding: 'same'}).apply(images) */
export class AveragePooling2D extends Pooling2D {
  protected readonly mode = 'avg';
  constructor(options: PoolingOptions) {
    super(2, parse(2, options, new.target.name));
  }
}

/** Max pooling over three spatial axes. @example new tf.layers.MaxPooling3D({poolSize: 2}).apply(volumes) */
export class MaxPooling3D extends Pooling3D {
  protected readonly mode = 'max';
  constructor(options: PoolingOptions) {
    super(3, parse(3, options, new.target.name));
  }
}

/** Average pooling over three spatial axes. @example new tf.layers.AveragePooling3D({poolSize: 2}).apply(volumes) */
export class AveragePooling3D extends Pooling3D {
  protected readonly mode = 'avg';
  constructor(options: PoolingOptions) {
    super(3, parse(3, options, new.target.name));
  }
}

type PoolingForm = FunctionalForm<PoolingOptions>;

/** @example tf.layers.maxPooling1d(x, {poolSize: 2, strides: 2}) */
export const maxPooling1d = (inputs: TensorLike, options: PoolingForm): Tensor =>
  applyFunctional((o: PoolingOptions) => new MaxPooling1D(o), inputs, options);
/** @example tf.layers.averagePooling1d(x, {poolSize: 2, strides: 2}) */
export const averagePooling1d = (inputs: TensorLike, options: PoolingForm): Tensor =>
  applyFunctional((o: PoolingOptions) => new AveragePooling1D(o), inputs, options);
/** @example tf.layers.maxPooling2d(x, {poolSize: 2, strides: 2}) */
export const maxPooling2d = (inputs: TensorLike, options: PoolingForm): Tensor =>
  applyFunctional((o: PoolingOptions) => new MaxPooling2D(o), inputs, options);
/** @example tf.layers.averagePooling2d(x, {poolSize: 2, strides: 2}) */
export const averagePooling2d = (inputs: TensorLike, options: PoolingForm): Tensor =>
  applyFunctional((o: PoolingOptions) => new AveragePooling2D(o), inputs, options);
/** @example tf.layers.maxPooling3d(x, {poolSize: 2, strides: 2}) */
export const maxPooling3d = (inputs: TensorLike, options: PoolingForm): Tensor =>
  applyFunctional((o: PoolingOptions) => new MaxPooling3D(o), inputs, options);
/** @example tf.layers.averagePooling3d(x, {poolSize: 2, strides: 2}) */
export const averagePooling3d = (inputs: TensorLike, options: PoolingForm): Tensor =>
  applyFunctional((o: PoolingOptions) => new AveragePooling3D(o), inputs, options);
