import type { OpRecord } from '../core/define.js';
import { RandomStandardNormal } from './random_normal.js';
import { RandomUniform } from './random_uniform.js';
import { TruncatedNormal } from './truncated_normal.js';

export const RANDOM_OPS: readonly OpRecord[] = [RandomStandardNormal, RandomUniform, TruncatedNormal];
