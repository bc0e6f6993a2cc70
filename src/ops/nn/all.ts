import type { OpRecord } from '../core/define.js';
import { Relu } from './relu.js';

export const NN_OPS: readonly OpRecord[] = [Relu];
