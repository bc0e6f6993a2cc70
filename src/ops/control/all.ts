import type { OpRecord } from '../core/define.js';
import { NoOp } from './no_op.js';

export const CONTROL_OPS: readonly OpRecord[] = [NoOp];
