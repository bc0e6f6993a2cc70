import { afterEach, describe, it } from 'vitest';
import * as tf from '../../../src/index.js';
import { gradcheck } from '../../util/gradcheck.js';
import { GRAD_CASES } from './grad_cases.js';

afterEach(() => tf.resetDefaultGraph());

describe('gradcheck: activations, cross entropies, batch norm', () => {
  for (const c of GRAD_CASES) it(`${c.opType}: ${c.name}`, () => gradcheck(c));
});
