import type { OpRecord } from '../core/define.js';
import { Add } from './add.js';
import { AddN } from './add_n.js';
import { MatMul } from './mat_mul.js';
import { Mean } from './mean.js';
import { Mul } from './mul.js';
import { Neg } from './neg.js';
import { RealDiv } from './real_div.js';
import { Sub } from './sub.js';
import { Sum } from './sum.js';

export const MATH_OPS: readonly OpRecord[] = [Add, AddN, MatMul, Mean, Mul, Neg, RealDiv, Sub, Sum];
