import type { TensorShape, ShapeLike } from '../../graph/shape.js';
import type { Tensor } from '../../graph/tensor.js';
import { expandDims } from '../../ops/array/expand_dims.js';
import { squeeze } from '../../ops/array/squeeze.js';
import type { TensorLike } from '../../ops/core/tensor_like.js';
import { separableConv2d as nnSeparableConv2d } from '../../ops/nn/separable_conv2d.js';
import { convOutputLength } from '../../ops/util/conv.js';
import type { Constraint, Variable } from '../../variables/variable.js';
import type { Regularizer } from '../../variables/variable_scope.js';
import { applyFunctional, type FunctionalForm } from '../functional.js';
import type { LayerInitializer } from '../initializers.js';
import * as opt from '../options.js';
import { ConvBase, type ParsedConvBase } from './conv.js';
import { separableShape, type SeparableConvOptions } from './conv_options.js';

interface ParsedSeparable extends ParsedConvBase {
  depthMultiplier: number;
  depthwiseInitializer: LayerInitializer | null;
  pointwiseInitializer: LayerInitializer | null;
  depthwiseRegularizer: Regularizer | null;
  pointwiseRegularizer: Regularizer | null;
  depthwiseConstraint: Constraint | null;
  pointwiseConstraint: Constraint | null;
}

/**
 * Depthwise separable convolution (TF1's _SeparableConv): a depthwise convolution of each
 * input channel (kernel (k..., in, depthMultiplier)) then a pointwise one mixing channels
 * (kernel (1..., in * depthMultiplier, filters)), then bias and activation.
 * @example new tf.layers.SeparableConv2D({filters: 8, kernelSize: 3, depthMultiplier: 2})
 */
export abstract class SeparableConv extends ConvBase {
  readonly depthMultiplier: number;
  readonly depthwiseInitializer: LayerInitializer | null;
  readonly pointwiseInitializer: LayerInitializer | null;
  readonly depthwiseRegularizer: Regularizer | null;
  readonly pointwiseRegularizer: Regularizer | null;
  readonly depthwiseConstraint: Constraint | null;
  readonly pointwiseConstraint: Constraint | null;
  depthwiseKernel: Variable | null = null;
  pointwiseKernel: Variable | null = null;

  protected constructor(rank: number, o: ParsedSeparable) {
    super(rank, o);
    this.depthMultiplier = o.depthMultiplier;
    this.depthwiseInitializer = o.depthwiseInitializer;
    this.pointwiseInitializer = o.pointwiseInitializer;
    this.depthwiseRegularizer = o.depthwiseRegularizer;
    this.pointwiseRegularizer = o.pointwiseRegularizer;
    this.depthwiseConstraint = o.depthwiseConstraint;
    this.pointwiseConstraint = o.pointwiseConstraint;
  }

  override build(inputShape: TensorShape): void {
    const inputDim = this.inputChannels(inputShape);
    const dtype = this.dtype ?? 'float32';
    this.depthwiseKernel = this.addWeight(
      'depthwise_kernel',
      [...this.kernelSize, inputDim, this.depthMultiplier],
      {
        initializer: this.depthwiseInitializer,
        regularizer: this.depthwiseRegularizer,
        constraint: this.depthwiseConstraint,
        dtype,
      },
    );
    this.pointwiseKernel = this.addWeight(
      'pointwise_kernel',
      [...new Array<number>(this.rank).fill(1), inputDim * this.depthMultiplier, this.filters],
      {
        initializer: this.pointwiseInitializer,
        regularizer: this.pointwiseRegularizer,
        constraint: this.pointwiseConstraint,
        dtype,
      },
    );
    this.addBias(dtype);
    super.build(inputShape);
  }

  override computeOutputShape(inputShape: ShapeLike): TensorShape {
    const padding = this.padding === 'same' ? 'SAME' : 'VALID';
    return this.outputShapeWith(inputShape, (n, i) =>
      convOutputLength(n, this.kernelSize[i]!, this.strides[i]!, this.dilationRate[i]!, padding),
    );
  }
}

const schema1 = opt.optionsSchema(separableShape(1));
const schema2 = opt.optionsSchema(separableShape(2));

/**
 * Depthwise separable 1-D convolution, built as TF1 builds it: the input and kernels get a
 * spatial axis of size 1 (ExpandDims), tf.nn.separable_conv2d runs, the axis is squeezed.
 * @example new tf.layers.SeparableConv1D({filters: 8, kernelSize: 3, depthMultiplier: 2}).apply(x)
 */
export class SeparableConv1D extends SeparableConv {
  constructor(options: SeparableConvOptions) {
    super(1, opt.parseOptions(schema1, options, new.target.name));
  }

  override call(inputs: Tensor): Tensor {
    const channelsLast = this.dataFormat === 'channels_last';
    const spatialStart = channelsLast ? 1 : 2;
    const s = this.strides[0]!;
    // TF1 repeats the stride on the added axis (strides * 2); its size is 1, so it is harmless.
    const strides = channelsLast ? [1, s, s, 1] : [1, 1, s, s];
    const x = expandDims(inputs, spatialStart);
    const dw = expandDims(this.depthwiseKernel!, 0);
    const pw = expandDims(this.pointwiseKernel!, 0);
    const y = nnSeparableConv2d(x, dw, pw, strides, this.padding === 'same' ? 'SAME' : 'VALID', {
      rate: [1, this.dilationRate[0]!],
      dataFormat: channelsLast ? 'NHWC' : 'NCHW',
    });
    return this.activate(squeeze(this.applyBias(y), [spatialStart]));
  }
}

/**
 * Depthwise separable 2-D convolution (tf.nn.separable_conv2d, then bias and activation).
 * @example new tf.layers.SeparableConv2D({filters: 16, kernelSize: 3, padding: 'same'}).apply(images)
 */
export class SeparableConv2D extends SeparableConv {
  constructor(options: SeparableConvOptions) {
    super(2, opt.parseOptions(schema2, options, new.target.name));
  }

  override call(inputs: Tensor): Tensor {
    const channelsLast = this.dataFormat === 'channels_last';
    const [sh, sw] = this.strides as [number, number];
    const y = nnSeparableConv2d(
      inputs,
      this.depthwiseKernel!,
      this.pointwiseKernel!,
      channelsLast ? [1, sh, sw, 1] : [1, 1, sh, sw],
      this.padding === 'same' ? 'SAME' : 'VALID',
      {
        rate: [...this.dilationRate],
        dataFormat: this.tfDataFormat,
      },
    );
    return this.finish(y);
  }
}

/** Functional SeparableConv1D. @example tf.layers.separableConv1d(x, {filters: 8, kernelSize: 3}) */
export function separableConv1d(
  inputs: TensorLike,
  options: FunctionalForm<SeparableConvOptions>,
): Tensor {
  return applyFunctional((o: SeparableConvOptions) => new SeparableConv1D(o), inputs, options);
}

/** Functional SeparableConv2D. @example tf.layers.separableConv2d(x, {filters: 16, kernelSize: 3, depthMultiplier: 2}) */
export function separableConv2d(
  inputs: TensorLike,
  options: FunctionalForm<SeparableConvOptions>,
): Tensor {
  return applyFunctional((o: SeparableConvOptions) => new SeparableConv2D(o), inputs, options);
}
