import type { OpRecord } from '../core/define.js';

export const CONV_OPS: readonly OpRecord[] = [];
