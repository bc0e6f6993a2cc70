import { describe, it } from 'vitest';
import { gradcheck } from '../../util/gradcheck.js';
import { GRAD_CASES } from './grad_cases.js';

describe('gradcheck: bias, pooling, depthwise', () => {
  for (const c of GRAD_CASES) it(`${c.opType}: ${c.name}`, () => gradcheck(c));
});
