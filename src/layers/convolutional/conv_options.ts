import { ValueError } from '../../errors.js';
import { zerosInitializer } from '../../init/initializers.js';
import type { Constraint } from '../../variables/variable.js';
import type { Regularizer } from '../../variables/variable_scope.js';
import type { ActivationLike } from '../activations.js';
import type { LayerOptions } from '../base.js';
import type { LayerInitializerLike } from '../initializers.js';
import * as opt from '../options.js';

/** Options shared by every convolution layer (TF1's _Conv arguments, camelCase). */
export interface ConvBaseOptions extends LayerOptions {
  filters: number;
  kernelSize: number | readonly number[];
  strides?: number | readonly number[];
  /** 'valid' or 'same', any case. */
  padding?: string;
  /** 'channels_last' (default) or 'channels_first'. */
  dataFormat?: string;
  dilationRate?: number | readonly number[];
  activation?: ActivationLike | null;
  useBias?: boolean;
  biasInitializer?: LayerInitializerLike | null;
  biasRegularizer?: Regularizer | null;
  biasConstraint?: Constraint | null;
}

/** Conv1D/2D/3D options. */
export interface ConvOptions extends ConvBaseOptions {
  kernelInitializer?: LayerInitializerLike | null;
  kernelRegularizer?: Regularizer | null;
  kernelConstraint?: Constraint | null;
}

/** Conv2DTranspose/Conv3DTranspose options: outputPadding (keras') on top of Conv's. */
export interface ConvTransposeOptions extends ConvOptions {
  /** Extra size on the high side of each spatial axis, each < its stride (null: inferred). */
  outputPadding?: number | readonly number[] | null;
}

/** SeparableConv1D/2D options: depthwise and pointwise kernels instead of one kernel. */
export interface SeparableConvOptions extends ConvBaseOptions {
  depthMultiplier?: number;
  depthwiseInitializer?: LayerInitializerLike | null;
  pointwiseInitializer?: LayerInitializerLike | null;
  depthwiseRegularizer?: Regularizer | null;
  pointwiseRegularizer?: Regularizer | null;
  depthwiseConstraint?: Constraint | null;
  pointwiseConstraint?: Constraint | null;
}

/** The zod shape of the options every convolution takes, for `rank` spatial axes. */
export function convBaseShape(rank: number) {
  return {
    ...opt.baseShape,
    filters: opt.positiveInt('filters'),
    kernelSize: opt.intTuple(rank, 'kernelSize'),
    strides: opt.intTuple(rank, 'strides', 1),
    padding: opt.padding,
    dataFormat: opt.dataFormat,
    dilationRate: opt.intTuple(rank, 'dilationRate', 1),
    activation: opt.activation,
    useBias: opt.bool('useBias', true),
    biasInitializer: opt.initializer('biasInitializer', zerosInitializer),
    biasRegularizer: opt.regularizer('biasRegularizer'),
    biasConstraint: opt.constraint('biasConstraint'),
  };
}

export function convShape(rank: number) {
  return {
    ...convBaseShape(rank),
    kernelInitializer: opt.initializer('kernelInitializer'),
    kernelRegularizer: opt.regularizer('kernelRegularizer'),
    kernelConstraint: opt.constraint('kernelConstraint'),
  };
}

export function convTransposeShape(rank: number) {
  return { ...convShape(rank), outputPadding: opt.optionalIntTuple(rank, 'outputPadding', 0) };
}

export function separableShape(rank: number) {
  return {
    ...convBaseShape(rank),
    depthMultiplier: opt.positiveInt('depthMultiplier', 1),
    depthwiseInitializer: opt.initializer('depthwiseInitializer'),
    pointwiseInitializer: opt.initializer('pointwiseInitializer'),
    depthwiseRegularizer: opt.regularizer('depthwiseRegularizer'),
    pointwiseRegularizer: opt.regularizer('pointwiseRegularizer'),
    depthwiseConstraint: opt.constraint('depthwiseConstraint'),
    pointwiseConstraint: opt.constraint('pointwiseConstraint'),
  };
}

const show = (t: readonly number[]): string => `(${t.join(', ')}${t.length === 1 ? ',' : ''})`;

/** Strides > 1 and a dilation rate > 1 cannot be combined (TF and keras raise for it). */
export function checkStridesAndDilation(
  strides: readonly number[],
  dilationRate: readonly number[],
): void {
  if (strides.some((s) => s !== 1) && dilationRate.some((d) => d !== 1)) {
    throw new ValueError(
      `\`strides\` > 1 not supported in conjunction with \`dilationRate\` > 1. Received: strides=${show(strides)} and dilationRate=${show(dilationRate)}`,
    );
  }
}

/** Each output padding must be smaller than its stride (keras' check). */
export function checkOutputPadding(
  outputPadding: readonly number[] | null,
  strides: readonly number[],
): void {
  if (outputPadding === null) return;
  outputPadding.forEach((p, i) => {
    if (p >= strides[i]!) {
      throw new ValueError(
        `Stride ${show(strides)} must be greater than output padding ${show(outputPadding)}. Received: strides=${show(strides)}, outputPadding=${show(outputPadding)}`,
      );
    }
  });
}

/** TF's convert_data_format: 'channels_last' with 4 dims is 'NHWC', and so on. */
export function convertDataFormat(dataFormat: opt.DataFormat, ndim: number): string {
  const last = ({ 3: 'NWC', 4: 'NHWC', 5: 'NDHWC' } as Record<number, string>)[ndim];
  const first = ({ 3: 'NCW', 4: 'NCHW', 5: 'NCDHW' } as Record<number, string>)[ndim];
  const df = dataFormat === 'channels_last' ? last : first;
  if (!df) throw new ValueError(`Input rank not supported: ${ndim}`);
  return df;
}
