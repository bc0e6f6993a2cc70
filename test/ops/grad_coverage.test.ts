/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { ALL_OPS } from '../../src/ops/core/registry.js';
import type { GradCase } from '../util/gradcheck.js';

// Every family keeps its gradcheck rows in test/ops/<family>/grad_cases.ts.
const tables = import.meta.glob<{ GRAD_CASES: GradCase[] }>('./*/grad_cases.ts', { eager: true });

describe('gradcheck coverage', () => {
  it('has a gradcheck row for every differentiable op', () => {
    const covered = new Set(Object.values(tables).flatMap((t) => t.GRAD_CASES.map((c) => c.opType)));
    const differentiable = ALL_OPS.filter((r) => typeof r.grad === 'function').map((r) => r.type);
    const missing = differentiable.filter((t) => !covered.has(t));
    expect(missing).toEqual([]);
  });
});
