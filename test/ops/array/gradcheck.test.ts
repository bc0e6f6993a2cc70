import { afterEach, describe, it } from 'vitest';
import * as tf from '../../../src/index.js';
import { gradcheck } from '../../util/gradcheck.js';
import { GRAD_CASES } from './grad_cases.js';

afterEach(() => tf.resetDefaultGraph());

describe('array gradients: symbolic vs central differences', () => {
  it.each(GRAD_CASES)('$opType: $name', async (c) => {
    await gradcheck(c);
  });
});
