import type { OpRecord } from '../core/define.js';
import { BroadcastGradientArgs } from './broadcast_gradient_args.js';
import { BroadcastTo } from './broadcast_to.js';
import { Const } from './const.js';
import { Fill } from './fill.js';
import { Identity } from './identity.js';
import { Placeholder } from './placeholder.js';
import { PlaceholderWithDefault } from './placeholder_with_default.js';
import { Reshape } from './reshape.js';
import { Shape } from './shape.js';
import { ZerosLike } from './zeros_like.js';

export const ARRAY_OPS: readonly OpRecord[] = [BroadcastGradientArgs, BroadcastTo, Const, Fill, Identity, Placeholder, PlaceholderWithDefault, Reshape, Shape, ZerosLike];
