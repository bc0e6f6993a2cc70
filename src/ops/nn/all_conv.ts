import type { OpRecord } from '../core/define.js';
import { AvgPool } from './avg_pool.js';
import { AvgPool3D } from './avg_pool_3d.js';
import { AvgPool3DGrad } from './avg_pool_3d_grad.js';
import { AvgPoolGrad } from './avg_pool_grad.js';
import { BiasAdd } from './bias_add.js';
import { BiasAddGrad } from './bias_add_grad.js';
import { DepthwiseConv2dNative } from './depthwise_conv2d_native.js';
import { DepthwiseConv2dNativeBackpropFilter } from './depthwise_conv2d_native_backprop_filter.js';
import { DepthwiseConv2dNativeBackpropInput } from './depthwise_conv2d_native_backprop_input.js';
import { MaxPool } from './max_pool.js';
import { MaxPool3D } from './max_pool_3d.js';
import { MaxPool3DGrad } from './max_pool_3d_grad.js';
import { MaxPool3DGradGrad } from './max_pool_3d_grad_grad.js';
import { MaxPoolGrad } from './max_pool_grad.js';
import { MaxPoolGradGrad } from './max_pool_grad_grad.js';
import { Conv2D } from './conv2d.js';
import { Conv2DBackpropFilter } from './conv2d_backprop_filter.js';
import { Conv2DBackpropInput } from './conv2d_backprop_input.js';
import { Conv3D } from './conv3d.js';
import { Conv3DBackpropFilterV2 } from './conv3d_backprop_filter_v2.js';
import { Conv3DBackpropInputV2 } from './conv3d_backprop_input_v2.js';

export const CONV_OPS: readonly OpRecord[] = [
  Conv2D,
  Conv2DBackpropInput,
  Conv2DBackpropFilter,
  Conv3D,
  Conv3DBackpropInputV2,
  Conv3DBackpropFilterV2,
  // Bias, pooling and depthwise convolution.
  BiasAdd,
  BiasAddGrad,
  MaxPool,
  MaxPoolGrad,
  MaxPoolGradGrad,
  AvgPool,
  AvgPoolGrad,
  MaxPool3D,
  MaxPool3DGrad,
  MaxPool3DGradGrad,
  AvgPool3D,
  AvgPool3DGrad,
  DepthwiseConv2dNative,
  DepthwiseConv2dNativeBackpropInput,
  DepthwiseConv2dNativeBackpropFilter,
];
