import type { TensorShape, ShapeLike } from '../../graph/shape.js';
import type { Tensor } from '../../graph/tensor.js';
import { stack } from '../../ops/array/pack.js';
import { shape } from '../../ops/array/shape.js';
import type { TensorLike } from '../../ops/core/tensor_like.js';
import { add } from '../../ops/math/add.js';
import { multiply } from '../../ops/math/mul.js';
import { subtract } from '../../ops/math/sub.js';
import { conv2dTranspose as nnConv2dTranspose } from '../../ops/nn/conv2d_transpose.js';
import { conv3dTranspose as nnConv3dTranspose } from '../../ops/nn/conv3d_transpose.js';
import { deconvOutputLength, effectiveKernel } from '../../ops/util/conv.js';
import { applyFunctional, type FunctionalForm } from '../functional.js';
import { shapeEntry } from '../shape_entry.js';
import * as opt from '../options.js';
import { Conv, type ParsedConv } from './conv.js';
import {
  checkOutputPadding,
  convTransposeShape,
  type ConvTransposeOptions,
} from './conv_options.js';

interface ParsedConvTranspose extends ParsedConv {
  outputPadding: number[] | null;
}

/**
 * keras' deconv_output_length on a size only known at run time, with the same ops TF builds:
 * `h * stride + max(k - stride, 0)` ('mul', 'add'), or with output padding
 * `(h - 1) * stride + k - 2 * pad + outputPadding`.
 */
function deconvLengthTensor(
  h: Tensor,
  k: number,
  stride: number,
  padding: 'SAME' | 'VALID',
  dilation: number,
  outputPadding: number | null,
): Tensor {
  const ek = effectiveKernel(k, dilation);
  if (outputPadding === null) {
    // Python's operators on the size tensor: TF names the ops 'mul' and 'add'.
    const scaled = multiply(h, stride, 'mul');
    return padding === 'VALID' ? add(scaled, Math.max(ek - stride, 0), 'add') : scaled;
  }
  const pad = padding === 'SAME' ? Math.floor(ek / 2) : 0;
  return add(
    subtract(add(multiply(subtract(h, 1, 'sub'), stride, 'mul'), ek, 'add'), 2 * pad, 'sub'),
    outputPadding,
    'add',
  );
}

/**
 * Transposed convolution (TF1's Conv2DTranspose/Conv3DTranspose, with keras' outputPadding
 * and dilationRate): kernel (k..., filters, in). The output size per spatial axis is
 * deconv_output_length; the op's output shape is packed from the input's run-time shape
 * where a size is unknown, and the static shape is set from computeOutputShape, so a
 * dimension known in the input is known in the output even when the batch is not.
 * @example new tf.layers.Conv2DTranspose({filters: 8, kernelSize: 3, strides: 2, outputPadding: 1})
 */
export abstract class ConvTranspose extends Conv {
  readonly outputPadding: readonly number[] | null;

  protected constructor(rank: number, o: ParsedConvTranspose) {
    super(rank, o);
    checkOutputPadding(o.outputPadding, o.strides);
    this.outputPadding = o.outputPadding === null ? null : Object.freeze([...o.outputPadding]);
  }

  override build(inputShape: TensorShape): void {
    const inputDim = this.inputChannels(inputShape);
    const dtype = this.dtype ?? 'float32';
    this.kernel = this.addWeight('kernel', [...this.kernelSize, this.filters, inputDim], {
      initializer: this.kernelInitializer,
      regularizer: this.kernelRegularizer,
      constraint: this.kernelConstraint,
      dtype,
    });
    this.addBias(dtype);
    this.built = true;
  }

  private get tfPadding(): 'SAME' | 'VALID' {
    return this.padding === 'same' ? 'SAME' : 'VALID';
  }

  override call(inputs: Tensor): Tensor {
    const dims = inputs.shape.asList();
    const inputsShape = shape(inputs);
    const at = (axis: number): Tensor => shapeEntry(inputsShape, axis);
    const batch = at(0);
    const first = this.dataFormat === 'channels_first' ? 2 : 1;
    const spatial: TensorLike[] = [];
    for (let i = 0; i < this.rank; i++) {
      const n = dims[first + i] ?? null;
      const k = this.kernelSize[i]!;
      const s = this.strides[i]!;
      const d = this.dilationRate[i]!;
      const op = this.outputPadding === null ? null : this.outputPadding[i]!;
      // A size known while building gives a constant, as keras does; otherwise it is computed.
      spatial.push(
        n !== null
          ? deconvOutputLength(n, k, s, this.tfPadding, d, op)!
          : deconvLengthTensor(at(first + i), k, s, this.tfPadding, d, op),
      );
    }
    const outputShape = stack(
      this.dataFormat === 'channels_first'
        ? [batch, this.filters, ...spatial]
        : [batch, ...spatial, this.filters],
    );
    const o = { dataFormat: this.tfDataFormat, dilations: [...this.dilationRate] };
    const strides = [...this.strides];
    const y =
      this.rank === 2
        ? nnConv2dTranspose(inputs, this.kernel!, outputShape, strides, this.tfPadding, o)
        : nnConv3dTranspose(inputs, this.kernel!, outputShape, strides, this.tfPadding, o);
    y.setShape(this.computeOutputShape(inputs.shape));
    return this.finish(y);
  }

  override computeOutputShape(inputShape: ShapeLike): TensorShape {
    return this.outputShapeWith(inputShape, (n, i) =>
      deconvOutputLength(
        n,
        this.kernelSize[i]!,
        this.strides[i]!,
        this.tfPadding,
        this.dilationRate[i]!,
        this.outputPadding === null ? null : this.outputPadding[i]!,
      ),
    );
  }
}

const schema2 = opt.optionsSchema(convTransposeShape(2));
const schema3 = opt.optionsSchema(convTransposeShape(3));

/**
 * Transposed 2-D convolution (sometimes called deconvolution): from the shape of a
 * convolution's output to the shape of its input. Kernel (kh, kw, filters, in).
 * @example new tf.layers.Conv2DTranspose({filters: 32, kernelSize: 2, strides: 2, activation: 'relu'}).apply(x) // (4, 10, 8, 128) -> (4, 20, 16, 32)
 */
export class Conv2DTranspose extends ConvTranspose {
  constructor(options: ConvTransposeOptions) {
    super(2, opt.parseOptions(schema2, options, new.target.name));
  }
}

/**
 * Transposed 3-D convolution. Kernel (kd, kh, kw, filters, in).
 * @example new tf.layers.Conv3DTranspose({filters: 4, kernelSize: 3, strides: 2}).apply(v)
 */
export class Conv3DTranspose extends ConvTranspose {
  constructor(options: ConvTransposeOptions) {
    super(3, opt.parseOptions(schema3, options, new.target.name));
  }
}

/** Functional Conv2DTranspose. @example tf.layers.conv2dTranspose(x, {filters: 3, kernelSize: 4, strides: 2, padding: 'same'}) */
export function conv2dTranspose(
  inputs: TensorLike,
  options: FunctionalForm<ConvTransposeOptions>,
): Tensor {
  return applyFunctional((o: ConvTransposeOptions) => new Conv2DTranspose(o), inputs, options);
}

/** Functional Conv3DTranspose. @example tf.layers.conv3dTranspose(v, {filters: 2, kernelSize: 3, strides: 2}) */
export function conv3dTranspose(
  inputs: TensorLike,
  options: FunctionalForm<ConvTransposeOptions>,
): Tensor {
  return applyFunctional((o: ConvTransposeOptions) => new Conv3DTranspose(o), inputs, options);
}
