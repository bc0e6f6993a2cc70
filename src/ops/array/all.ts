import type { OpRecord } from '../core/define.js';
import { BroadcastGradientArgs } from './broadcast_gradient_args.js';
import { BroadcastTo } from './broadcast_to.js';
import { ConcatOffset } from './concat_offset.js';
import { ConcatV2 } from './concat_v2.js';
import { Const } from './const.js';
import { ExpandDims } from './expand_dims.js';
import { Fill } from './fill.js';
import { GatherV2 } from './gather_v2.js';
import { Identity } from './identity.js';
import { InvertPermutation } from './invert_permutation.js';
import { MirrorPad } from './mirror_pad.js';
import { MirrorPadGrad } from './mirror_pad_grad.js';
import { OneHot } from './one_hot.js';
import { OnesLike } from './ones_like.js';
import { Pack } from './pack.js';
import { Pad } from './pad.js';
import { PadV2 } from './pad_v2.js';
import { Placeholder } from './placeholder.js';
import { PlaceholderWithDefault } from './placeholder_with_default.js';
import { Range } from './range.js';
import { Rank } from './rank.js';
import { Reshape } from './reshape.js';
import { Shape } from './shape.js';
import { Size } from './size.js';
import { Slice } from './slice.js';
import { Split } from './split.js';
import { SplitV } from './split_v.js';
import { Squeeze } from './squeeze.js';
import { StopGradient } from './stop_gradient.js';
import { StridedSlice } from './strided_slice.js';
import { StridedSliceGrad } from './strided_slice_grad.js';
import { Tile } from './tile.js';
import { Transpose } from './transpose.js';
import { Unpack } from './unpack.js';
import { UnsortedSegmentSum } from './unsorted_segment_sum.js';
import { ZerosLike } from './zeros_like.js';

export const ARRAY_OPS: readonly OpRecord[] = [
  BroadcastGradientArgs,
  BroadcastTo,
  ConcatOffset,
  ConcatV2,
  Const,
  ExpandDims,
  Fill,
  GatherV2,
  Identity,
  InvertPermutation,
  MirrorPad,
  MirrorPadGrad,
  OneHot,
  OnesLike,
  Pack,
  Pad,
  PadV2,
  Placeholder,
  PlaceholderWithDefault,
  Range,
  Rank,
  Reshape,
  Shape,
  Size,
  Slice,
  Split,
  SplitV,
  Squeeze,
  StopGradient,
  StridedSlice,
  StridedSliceGrad,
  Tile,
  Transpose,
  Unpack,
  UnsortedSegmentSum,
  ZerosLike,
];
