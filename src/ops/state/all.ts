import type { OpRecord } from '../core/define.js';
import { Assign } from './assign.js';
import { AssignAdd } from './assign_add.js';
import { AssignSub } from './assign_sub.js';
import { IsVariableInitialized } from './is_variable_initialized.js';
import { VariableV2 } from './variable_v2.js';

export const STATE_OPS: readonly OpRecord[] = [Assign, AssignAdd, AssignSub, IsVariableInitialized, VariableV2];
