import type { OpRecord } from '../core/define.js';
import { Relu } from './relu.js';

export const ACTIVATION_OPS: readonly OpRecord[] = [Relu];
