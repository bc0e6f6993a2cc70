import type { OpRecord } from '../core/define.js';
import { ACTIVATION_OPS } from './all_activation.js';
import { CONV_OPS } from './all_conv.js';

export const NN_OPS: readonly OpRecord[] = [...ACTIVATION_OPS, ...CONV_OPS];
