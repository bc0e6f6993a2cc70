import * as tfc from '@tensorflow/tfjs-core';
import { expect } from 'vitest';

/**
 * Runs `fn` and asserts the backend holds exactly `expectedDelta` more tensors afterwards
 * (a session's variables, typically; 0 after close).
 */
export async function expectNoLeak<T>(fn: () => Promise<T> | T, expectedDelta = 0): Promise<T> {
  const before = tfc.memory().numTensors;
  const result = await fn();
  expect(tfc.memory().numTensors - before).toBe(expectedDelta);
  return result;
}

export function numTensors(): number {
  return tfc.memory().numTensors;
}
