import * as tfc from '@tensorflow/tfjs-core';
import { ValueError } from '../../errors.js';
import type { IrGraph } from '../ir.js';
import { arithmeticSimplification } from './arithmetic.js';
import { constantFolding } from './constant_folding.js';
import { commonSubexpressionElimination } from './cse.js';
import { fusion } from './fusion.js';
import { identityElimination } from './identity.js';
import type { Pass, PassContext } from './pass.js';

export type { Pass, PassContext, PassResult } from './pass.js';

/**
 * The passes in the order they run: removing identities and no-ops first lets folding see
 * constants behind them; folding before simplification lets `x * 1` see a folded 1; CSE then
 * merges what the rewrites made equal; fusion comes last, on the final set of readers.
 */
export const PASSES: readonly Pass[] = [
  identityElimination,
  constantFolding,
  arithmeticSimplification,
  commonSubexpressionElimination,
  fusion,
];

export const PASS_NAMES: readonly string[] = PASSES.map((p) => p.name);

/** Short names accepted in `optimize` as well as the full ones. */
const ALIASES: Readonly<Record<string, string>> = { cse: 'commonSubexpressionElimination' };

/** Checks `optimize`'s keys (a misspelt pass would silently stay on) and resolves aliases. */
export function resolveOptimize(
  optimize: Readonly<Record<string, boolean>>,
): Readonly<Record<string, boolean>> {
  const out: Record<string, boolean> = {};
  for (const [k, v] of Object.entries(optimize)) {
    const name = ALIASES[k] ?? k;
    if (!PASS_NAMES.includes(name)) {
      throw new ValueError(
        `Unknown optimization pass '${k}' in Session options; expected one of ${PASS_NAMES.join(', ')} (or cse)`,
      );
    }
    out[name] = v;
  }
  return Object.freeze(out);
}

export interface PassReport {
  readonly name: string;
  readonly enabled: boolean;
  readonly opsBefore: number;
  readonly opsAfter: number;
  readonly rewrites: readonly string[];
}

/**
 * Runs the enabled passes (all by default). Every tensor a pass holds is kept only if a node of
 * the final graph holds it; the rest are disposed here. Returns the final graph, the report,
 * and the tensors the plan now owns.
 */
export function runPasses(
  g: IrGraph,
  optimize: Readonly<Record<string, boolean>>,
  backendName: string,
): { graph: IrGraph; reports: PassReport[]; held: tfc.Tensor[] } {
  const created: tfc.Tensor[] = [];
  const ctx: PassContext = { backendName, hold: (t) => created.push(t) };
  const reports: PassReport[] = [];
  let cur = g;
  try {
    for (const pass of PASSES) {
      const enabled = optimize[pass.name] ?? true;
      const before = cur.nodes.length;
      if (!enabled) {
        reports.push({
          name: pass.name,
          enabled,
          opsBefore: before,
          opsAfter: before,
          rewrites: [],
        });
        continue;
      }
      const r = pass.run(cur, ctx);
      cur = r.graph;
      reports.push({
        name: pass.name,
        enabled,
        opsBefore: before,
        opsAfter: cur.nodes.length,
        rewrites: r.rewrites,
      });
    }
  } catch (e) {
    created.forEach((t) => t.dispose());
    throw e;
  }
  const used = new Set(cur.nodes.flatMap((n) => n.held ?? []));
  // A sub-graph is compiled inside its caller's step, within that step's tidy: keep what the
  // plan holds from being disposed with the step's temporaries.
  const held = created.filter((t) => used.has(t)).map((t) => tfc.keep(t));
  created.filter((t) => !used.has(t)).forEach((t) => t.dispose());
  return { graph: cur, reports, held };
}
