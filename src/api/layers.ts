// tf.layers: re-exports only (TF1's classes, functional forms and aliases).
export { Layer } from '../layers/base.js';
export type { LayerOptions, CallKwargs, AddVariableOptions } from '../layers/base.js';
export { InputSpec } from '../layers/input_spec.js';
export type { InputSpecOptions } from '../layers/input_spec.js';
export { summary } from '../layers/summary_api.js';
export type { SummaryOptions } from '../layers/summary.js';
export type { FunctionalForm, FunctionalOptions } from '../layers/functional.js';
export type { Activation, ActivationLike } from '../layers/activations.js';

export { Dense, dense } from '../layers/core/dense.js';
export type { DenseOptions } from '../layers/core/dense.js';
export { Dropout, dropout } from '../layers/core/dropout.js';
export type { DropoutOptions } from '../layers/core/dropout.js';
export { Flatten, flatten } from '../layers/core/flatten.js';
export type { FlattenOptions } from '../layers/core/flatten.js';

export {
  Conv1D,
  Conv1D as Convolution1D,
  Conv2D,
  Conv2D as Convolution2D,
  Conv3D,
  Conv3D as Convolution3D,
  conv1d,
  conv1d as convolution1d,
  conv2d,
  conv2d as convolution2d,
  conv3d,
  conv3d as convolution3d,
} from '../layers/convolutional/conv_layers.js';
export {
  SeparableConv1D,
  SeparableConv2D,
  SeparableConv2D as SeparableConvolution2D,
  separableConv1d,
  separableConv2d,
  separableConv2d as separableConvolution2d,
} from '../layers/convolutional/separable.js';
export {
  Conv2DTranspose,
  Conv2DTranspose as Convolution2DTranspose,
  Conv2DTranspose as Deconvolution2D,
  Conv2DTranspose as Deconv2D,
  Conv3DTranspose,
  Conv3DTranspose as Convolution3DTranspose,
  Conv3DTranspose as Deconvolution3D,
  Conv3DTranspose as Deconv3D,
  conv2dTranspose,
  conv2dTranspose as convolution2dTranspose,
  conv2dTranspose as deconvolution2d,
  conv2dTranspose as deconv2d,
  conv3dTranspose,
  conv3dTranspose as convolution3dTranspose,
  conv3dTranspose as deconvolution3d,
  conv3dTranspose as deconv3d,
} from '../layers/convolutional/transpose.js';
export type {
  ConvOptions,
  ConvTransposeOptions,
  SeparableConvOptions,
} from '../layers/convolutional/conv_options.js';

export {
  MaxPooling1D,
  MaxPooling2D,
  MaxPooling3D,
  AveragePooling1D,
  AveragePooling2D,
  AveragePooling3D,
  maxPooling1d,
  maxPooling2d,
  maxPooling3d,
  averagePooling1d,
  averagePooling2d,
  averagePooling3d,
} from '../layers/pooling.js';
export type { PoolingOptions } from '../layers/pooling.js';

export { BatchNormalization, batchNormalization } from '../layers/normalization.js';
export type { BatchNormalizationOptions } from '../layers/normalization.js';
