import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_OPS, getOpRecord } from '../../src/ops/core/registry.js';

const OPS_DIR = join(import.meta.dirname, '../../src/ops');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sourceFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Op types declared in source: `type: 'X'` inside defineOp, or the first argument of a define* factory. */
function declaredTypes(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of sourceFiles(OPS_DIR)) {
    const src = readFileSync(file, 'utf8');
    const rel = relative(OPS_DIR, file);
    for (const m of src.matchAll(/export const \w+ = define\w*\(\s*(?:\{\s*type:\s*)?'([A-Za-z0-9_]+)'/g)) {
      found.set(m[1]!, rel);
    }
  }
  return found;
}

describe('op registry', () => {
  it('has no duplicate op types', () => {
    const types = ALL_OPS.map((r) => r.type);
    const dups = types.filter((t, i) => types.indexOf(t) !== i);
    expect(dups).toEqual([]);
  });

  it('lists every op record declared under src/ops', () => {
    const declared = declaredTypes();
    expect(declared.size).toBeGreaterThan(20);
    const missing = [...declared].filter(([type]) => !getOpRecord(type)).map(([type, file]) => `${type} (${file})`);
    expect(missing).toEqual([]);
  });

  it('every record says whether it is differentiable', () => {
    const undecided = ALL_OPS.filter((r) => r.grad === undefined).map((r) => r.type);
    expect(undecided).toEqual([]);
  });
});
