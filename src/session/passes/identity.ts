import { deadCodeElimination, out, refKey, rewire, type IrGraph, type IrRef } from '../ir.js';
import type { Pass, PassResult } from './pass.js';

/** Ops whose output is their input, value for value, at run time. */
const IDENTITY_TYPES: ReadonlySet<string> = new Set(['Identity', 'StopGradient']);

/**
 * Identity and no-op elimination. An Identity (or StopGradient) without control inputs is
 * replaced by its input in every reader; a NoOp that is not fetched as a target is replaced,
 * in the control dependencies that name it, by its own control inputs (a NoOp with none, like
 * the losses' `static_scalar_check_success`, simply drops out, which lets constant folding see
 * the constants behind it).
 *
 * Kept: an Identity of a variable (`w/read`), which snapshots the variable when it runs (a
 * later reader could see an assignment in between), an Identity with control inputs (the
 * "read after" idiom), and anything fetched as a target.
 */
export const identityElimination: Pass = {
  name: 'identityElimination',
  description: 'Identity / StopGradient / NoOp elimination',
  run(g: IrGraph): PassResult {
    const targets = new Set(g.targets);
    const values = new Map<string, IrRef>();
    const controls = new Map<string, readonly string[]>();
    const rewrites: string[] = [];
    for (const n of g.nodes) {
      if (targets.has(n.key) || n.held) continue;
      if (IDENTITY_TYPES.has(n.type) && n.inputs.length === 1 && n.control.length === 0) {
        const src = n.inputs[0]!;
        if (src.kind === 'var') continue;
        values.set(refKey(out(n.key)), src);
        controls.set(n.key, src.kind === 'out' ? [src.node] : []);
        rewrites.push(`removed ${n.type} '${n.key}' (its readers take its input)`);
      } else if (n.type === 'NoOp' && n.inputs.length === 0) {
        controls.set(n.key, n.control);
        rewrites.push(
          `removed NoOp '${n.key}'${n.control.length ? ` (its ${n.control.length} control inputs move to its dependents)` : ''}`,
        );
      }
    }
    if (rewrites.length === 0) return { graph: g, rewrites };
    return { graph: deadCodeElimination(rewire(g, values, controls)), rewrites };
  },
};
