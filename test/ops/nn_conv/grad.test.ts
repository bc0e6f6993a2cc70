import { afterEach, describe, it } from 'vitest';
import * as tf from '../../../src/index.js';
import { gradcheck } from '../../util/gradcheck.js';
import { GRAD_CASES } from './grad_cases.js';

afterEach(() => tf.resetDefaultGraph());

describe('convolution gradients (symbolic vs finite differences)', () => {
  for (const c of GRAD_CASES) it(c.name, () => gradcheck(c));
});
