import { expect } from 'vitest';
import * as tf from '../../../src/index.js';
import { compile, type Plan } from '../../../src/session/compile.js';
import { PASS_NAMES } from '../../../src/session/passes/index.js';
import { numTensors } from '../../util/leaks.js';
import { expectClose } from '../../util/op_cases.js';

/** Every pass off. */
export const ALL_OFF: Readonly<Record<string, boolean>> = Object.fromEntries(
  PASS_NAMES.map((n) => [n, false]),
);

/** Only the named passes on. */
export function only(...names: string[]): Record<string, boolean> {
  return { ...ALL_OFF, ...Object.fromEntries(names.map((n) => [n, true])) };
}

/** Compiles in `g` with the given passes (on cpu). */
export function plan(
  g: tf.Graph,
  fetches: tf.Tensor[],
  feeds: tf.Tensor[] = [],
  optimize: Record<string, boolean> = {},
  targets: tf.Operation[] = [],
): Plan {
  return compile(g, fetches, targets, feeds, { optimize, backendName: 'cpu' });
}

/** "name:type" of each step. */
export function steps(p: Plan): string[] {
  return p.steps.map((s) => `${s.name}:${s.type}`);
}

export function rewritesOf(p: Plan, pass: string): readonly string[] {
  return p.passes.find((r) => r.name === pass)!.rewrites;
}

/**
 * Runs `fetches` in a fresh session with each optimize setting and checks the values agree
 * (within `tol`) and that nothing leaks; returns the values of the first setting.
 */
export async function sameValues(
  g: tf.Graph,
  fetches: tf.Tensor[],
  feed: Record<string, unknown>,
  settings: Record<string, boolean>[],
  tol = 0,
  backend = 'cpu',
): Promise<tf.NDArray[]> {
  const before = numTensors();
  const results: tf.NDArray[][] = [];
  for (const optimize of settings) {
    const sess = new tf.Session({ graph: g, backend, optimize });
    await sess.run(g.asDefault(() => tf.globalVariablesInitializer()));
    results.push((await sess.run(fetches, feed as never)) as tf.NDArray[]);
    sess.close();
  }
  expect(numTensors()).toBe(before);
  for (const r of results.slice(1)) {
    r.forEach((v, i) => {
      expect(v.shape).toEqual(results[0]![i]!.shape);
      if (tol === 0)
        expect(Array.from(v.data as ArrayLike<number>)).toEqual(
          Array.from(results[0]![i]!.data as ArrayLike<number>),
        );
      else
        expectClose(
          v.data as ArrayLike<number>,
          results[0]![i]!.data as ArrayLike<number>,
          tol,
          fetches[i]!.name,
        );
    });
  }
  return results[0]!;
}
