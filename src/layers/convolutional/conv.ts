import { ValueError } from '../../errors.js';
import type { DType } from '../../graph/dtype.js';
import { TensorShape, type ShapeLike } from '../../graph/shape.js';
import type { Tensor } from '../../graph/tensor.js';
import { reshape } from '../../ops/array/reshape.js';
import { add } from '../../ops/math/add.js';
import { biasAdd } from '../../ops/nn/bias_add.js';
import { conv1d } from '../../ops/nn/conv1d.js';
import { conv2d } from '../../ops/nn/conv2d.js';
import { conv3d } from '../../ops/nn/conv3d.js';
import { convOutputLength } from '../../ops/util/conv.js';
import type { Constraint, Variable } from '../../variables/variable.js';
import type { Regularizer, ReuseMode, VariableScope } from '../../variables/variable_scope.js';
import type { Activation } from '../activations.js';
import { Layer } from '../base.js';
import type { LayerInitializer } from '../initializers.js';
import { InputSpec } from '../input_spec.js';
import type { DataFormat, Padding } from '../options.js';
import * as opt from '../options.js';
import { checkStridesAndDilation, convertDataFormat } from './conv_options.js';

/** The parsed options every convolution layer holds. */
export interface ParsedConvBase {
  trainable: boolean;
  name: string | null;
  dtype: DType | null;
  activityRegularizer: Regularizer | null;
  _scope: string | VariableScope | null;
  _reuse: ReuseMode | null;
  filters: number;
  kernelSize: number[];
  strides: number[];
  padding: Padding;
  dataFormat: DataFormat;
  dilationRate: number[];
  activation: Activation | null;
  useBias: boolean;
  biasInitializer: LayerInitializer | null;
  biasRegularizer: Regularizer | null;
  biasConstraint: Constraint | null;
}

/**
 * What all convolution layers share (TF1's _Conv): the options, the channel axis, the bias,
 * the activation, the input spec (rank + 2, then the channel size once built).
 * @example layer instanceof ConvBase // every convolution layer, separable and transposed ones included
 */
export abstract class ConvBase extends Layer {
  readonly rank: number;
  readonly filters: number;
  readonly kernelSize: readonly number[];
  readonly strides: readonly number[];
  readonly padding: Padding;
  readonly dataFormat: DataFormat;
  readonly dilationRate: readonly number[];
  readonly activation: Activation | null;
  readonly useBias: boolean;
  readonly biasInitializer: LayerInitializer | null;
  readonly biasRegularizer: Regularizer | null;
  readonly biasConstraint: Constraint | null;
  bias: Variable | null = null;

  protected constructor(rank: number, o: ParsedConvBase) {
    super(opt.baseOf(o));
    checkStridesAndDilation(o.strides, o.dilationRate);
    this.rank = rank;
    this.filters = o.filters;
    this.kernelSize = Object.freeze([...o.kernelSize]);
    this.strides = Object.freeze([...o.strides]);
    this.padding = o.padding;
    this.dataFormat = o.dataFormat;
    this.dilationRate = Object.freeze([...o.dilationRate]);
    this.activation = o.activation;
    this.useBias = o.useBias;
    this.biasInitializer = o.biasInitializer;
    this.biasRegularizer = o.biasRegularizer;
    this.biasConstraint = o.biasConstraint;
    this.inputSpec = new InputSpec({ ndim: rank + 2 });
  }

  /** The channel axis of an input (1 for channels_first, -1 otherwise). */
  protected get channelAxis(): number {
    return this.dataFormat === 'channels_first' ? 1 : -1;
  }

  /** The TF data format string of the op ('NHWC', 'NCW', ...). */
  protected get tfDataFormat(): string {
    return convertDataFormat(this.dataFormat, this.rank + 2);
  }

  /** The input's channel count; ValueError when the rank is wrong or the channels unknown. */
  protected inputChannels(inputShape: TensorShape): number {
    if (inputShape.rank !== this.rank + 2) {
      throw new ValueError(
        `Inputs should have rank ${this.rank + 2}. Received input shape: ${inputShape.toString()}`,
      );
    }
    const c = inputShape.dim(this.channelAxis);
    if (c === null) {
      throw new ValueError(
        `The channel dimension of the inputs should be defined. Found \`None\`. Full input shape received: ${inputShape.toString()}`,
      );
    }
    this.inputSpec = new InputSpec({ ndim: this.rank + 2, axes: { [this.channelAxis]: c } });
    return c;
  }

  protected addBias(dtype: DType): void {
    this.bias = this.useBias
      ? this.addWeight('bias', [this.filters], {
          initializer: this.biasInitializer,
          regularizer: this.biasRegularizer,
          constraint: this.biasConstraint,
          dtype,
        })
      : null;
  }

  /** Bias then activation, as TF1 adds them after the convolution. */
  protected finish(outputs: Tensor): Tensor {
    return this.activate(
      this.applyBias(outputs, this.rank === 1 && this.dataFormat === 'channels_first'),
    );
  }

  /**
   * Adds the bias (if any) along the channel axis. bias_add reads only where the channels are
   * ('N...C' or 'NC...'), as TF passes it rank 4's format names; a 3-D channels-first output
   * gets a reshaped bias added instead (TF1: bias_add does not take it).
   */
  protected applyBias(y: Tensor, reshaped = false): Tensor {
    if (!this.bias) return y;
    if (reshaped) return add(y, reshape(this.bias, Int32Array.from([1, this.filters, 1])), 'add');
    return biasAdd(y, this.bias, {
      dataFormat: this.dataFormat === 'channels_first' ? 'NCHW' : 'NHWC',
    });
  }

  protected activate(y: Tensor): Tensor {
    return this.activation ? this.activation(y) : y;
  }

  /** The layer's static output shape with the spatial sizes computed by `spatial`. */
  protected outputShapeWith(
    inputShape: ShapeLike,
    spatial: (size: number | null, axis: number) => number | null,
  ): TensorShape {
    const s = TensorShape.from(inputShape);
    const dims = s.withRankOrThrow(this.rank + 2, 'inputs');
    const first = this.dataFormat === 'channels_first' ? 2 : 1;
    const out = [...dims];
    for (let i = 0; i < this.rank; i++) out[first + i] = spatial(dims[first + i] ?? null, i);
    out[this.dataFormat === 'channels_first' ? 1 : this.rank + 1] = this.filters;
    return new TensorShape(out);
  }
}

/** The parsed options of Conv1D/2D/3D. */
export interface ParsedConv extends ParsedConvBase {
  kernelInitializer: LayerInitializer | null;
  kernelRegularizer: Regularizer | null;
  kernelConstraint: Constraint | null;
}

/**
 * N-D convolution (TF1's _Conv): kernel (k..., in, filters) cross-correlated with the input,
 * then bias and activation. Subclassed by Conv1D, Conv2D, Conv3D.
 * @example new tf.layers.Conv2D({filters: 8, kernelSize: 3}) // a Conv of rank 2
 */
export abstract class Conv extends ConvBase {
  readonly kernelInitializer: LayerInitializer | null;
  readonly kernelRegularizer: Regularizer | null;
  readonly kernelConstraint: Constraint | null;
  kernel: Variable | null = null;

  protected constructor(rank: number, o: ParsedConv) {
    super(rank, o);
    this.kernelInitializer = o.kernelInitializer;
    this.kernelRegularizer = o.kernelRegularizer;
    this.kernelConstraint = o.kernelConstraint;
  }

  override build(inputShape: TensorShape): void {
    const inputDim = this.inputChannels(inputShape);
    const dtype = this.dtype ?? 'float32';
    this.kernel = this.addWeight('kernel', [...this.kernelSize, inputDim, this.filters], {
      initializer: this.kernelInitializer,
      regularizer: this.kernelRegularizer,
      constraint: this.kernelConstraint,
      dtype,
    });
    this.addBias(dtype);
    super.build(inputShape);
  }

  override call(inputs: Tensor): Tensor {
    const padding = this.padding === 'same' ? 'SAME' : 'VALID';
    const o = { dataFormat: this.tfDataFormat, dilations: [...this.dilationRate] };
    const k = this.kernel!;
    const strides = [...this.strides];
    const y =
      this.rank === 1
        ? conv1d(inputs, k, strides, padding, o)
        : this.rank === 2
          ? conv2d(inputs, k, strides, padding, o)
          : conv3d(inputs, k, strides, padding, o);
    return this.finish(y);
  }

  override computeOutputShape(inputShape: ShapeLike): TensorShape {
    const padding = this.padding === 'same' ? 'SAME' : 'VALID';
    return this.outputShapeWith(inputShape, (n, i) =>
      convOutputLength(n, this.kernelSize[i]!, this.strides[i]!, this.dilationRate[i]!, padding),
    );
  }
}
