import type { OpRecord } from '../core/define.js';
import { Assert } from './assert.js';
import { If } from './if.js';
import { NoOp } from './no_op.js';
import { While } from './while.js';
import { WhileGrad } from './while_grad.js';

export const CONTROL_OPS: readonly OpRecord[] = [Assert, If, NoOp, While, WhileGrad];
