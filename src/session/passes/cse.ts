import { TensorShape } from '../../graph/shape.js';
import { NDArray } from '../../graph/ndarray.js';
import { deadCodeElimination, out, refKey, rewire, type IrGraph, type IrRef } from '../ir.js';
import type { Pass, PassResult } from './pass.js';

/** Values from outside the graph: two are never the same value. */
const NEVER_MERGE: ReadonlySet<string> = new Set(['Placeholder', 'PlaceholderWithDefault']);

/** Constants above this many elements are not compared (they merge only by identity). */
const COMPARE_LIMIT = 1024;

const objectIds = new WeakMap<object, number>();
let nextObjectId = 0;

/** A string equal for equal attr values; objects it cannot compare are told apart by identity. */
function attrKey(v: unknown): string {
  if (v === null || v === undefined) return String(v);
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (Array.isArray(v)) return `[${v.map(attrKey).join(',')}]`;
  if (v instanceof TensorShape) return `shape${v.toString()}`;
  if (v instanceof NDArray && v.size <= COMPARE_LIMIT) {
    return `nd(${v.dtype};${v.shape.join(',')};${Array.from(v.data as ArrayLike<number | string>, (x) => attrKey(x)).join(',')})`;
  }
  if (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    return `{${Object.entries(v as Record<string, unknown>)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, x]) => `${k}:${attrKey(x)}`)
      .join(',')}}`;
  }
  if (typeof v === 'object' || typeof v === 'function') {
    let id = objectIds.get(v);
    if (id === undefined) {
      id = nextObjectId++;
      objectIds.set(v, id);
    }
    return `#${id}`;
  }
  return String(v);
}

/**
 * Common-subexpression elimination: two nodes of the same type, attrs, inputs and control
 * inputs compute the same values, so the later one's readers take the earlier one's outputs.
 * Never merged: stateful ops (variables, assignments, random ops, control flow), placeholders,
 * and reads of a variable (two reads at different moments may see different values).
 */
export const commonSubexpressionElimination: Pass = {
  name: 'commonSubexpressionElimination',
  description: 'common-subexpression elimination (never stateful or random ops)',
  run(g: IrGraph): PassResult {
    const seen = new Map<string, string>();
    const values = new Map<string, IrRef>();
    const controls = new Map<string, readonly string[]>();
    const rewrites: string[] = [];
    const resolve = (r: IrRef): string => refKey(values.get(refKey(r)) ?? r);
    const resolveControl = (k: string): string => controls.get(k)?.[0] ?? k;
    for (const n of g.nodes) {
      if (
        n.record.stateful ||
        NEVER_MERGE.has(n.type) ||
        n.held ||
        n.inputs.some((r) => r.kind === 'var')
      )
        continue;
      const sig = [
        n.type,
        n.inputs.map(resolve).join('|'),
        [...new Set(n.control.map(resolveControl))].sort().join('|'),
        attrKey(n.attrs),
      ].join('\u0000');
      const first = seen.get(sig);
      if (first === undefined) {
        seen.set(sig, n.key);
        continue;
      }
      n.outputs.forEach((_, i) => values.set(refKey(out(n.key, i)), out(first, i)));
      controls.set(n.key, [first]);
      rewrites.push(`merged ${n.type} '${n.key}' into '${first}'`);
    }
    if (rewrites.length === 0) return { graph: g, rewrites };
    return { graph: deadCodeElimination(rewire(g, values, controls)), rewrites };
  },
};
