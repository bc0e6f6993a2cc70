// tf.nn convolutions, pooling and bias: re-exports only.
export { conv2d } from '../ops/nn/conv2d.js';
export { conv2dBackpropInput } from '../ops/nn/conv2d_backprop_input.js';
export { conv2dBackpropFilter } from '../ops/nn/conv2d_backprop_filter.js';
export { conv2dTranspose } from '../ops/nn/conv2d_transpose.js';
export { conv3d } from '../ops/nn/conv3d.js';
export { conv3dBackpropFilterV2 } from '../ops/nn/conv3d_backprop_filter_v2.js';
export { conv3dTranspose } from '../ops/nn/conv3d_transpose.js';
export { conv1d } from '../ops/nn/conv1d.js';
export { convolution } from '../ops/nn/convolution.js';
export { atrousConv2d } from '../ops/nn/atrous_conv2d.js';
export { biasAdd } from '../ops/nn/bias_add.js';
export { maxPool } from '../ops/nn/max_pool.js';
export { avgPool } from '../ops/nn/avg_pool.js';
export { maxPool3d } from '../ops/nn/max_pool_3d.js';
export { avgPool3d } from '../ops/nn/avg_pool_3d.js';
export { depthwiseConv2d, depthwiseConv2dNative } from '../ops/nn/depthwise_conv2d_native.js';
export { separableConv2d } from '../ops/nn/separable_conv2d.js';
