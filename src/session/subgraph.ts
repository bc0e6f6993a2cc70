import * as tfc from '@tensorflow/tfjs-core';
import { InvalidArgumentError } from '../errors.js';
import type { SubgraphFunction } from '../ops/core/define.js';
import { compile, type CompileOptions, type Plan } from './compile.js';
import { execute } from './execute.js';
import type { RunContext } from './run_context.js';

/**
 * Runs sub-graphs (cond branches, loop bodies) for one Session: each is compiled once into a
 * Plan fed at its inputs, then executed inside the caller's run (same variable transaction and
 * random streams). Inputs are usually the function's Placeholders; a gradient function also
 * feeds forward tensors of its body, which cuts their upstream so nothing is recomputed.
 */
export class SubgraphRunner {
  private readonly plans = new Map<SubgraphFunction, Plan>();

  /** `options`: the owning session's passes and backend, read when a sub-graph is compiled. */
  constructor(private readonly options: () => CompileOptions = () => ({})) {}

  /** Frees what the compiled sub-graphs hold (their folded constants). */
  dispose(): void {
    for (const p of this.plans.values()) p.dispose();
    this.plans.clear();
  }

  run = (fn: SubgraphFunction, inputs: readonly tfc.Tensor[], ctx: RunContext): tfc.Tensor[] => {
    if (inputs.length !== fn.inputs.length) {
      throw new InvalidArgumentError(`Function '${fn.name}' takes ${fn.inputs.length} inputs, got ${inputs.length}`);
    }
    let plan = this.plans.get(fn);
    if (!plan) {
      plan = compile(fn.graph, fn.outputs, [], fn.inputs, this.options());
      this.plans.set(fn, plan);
    }
    const unfed = plan.unfedPlaceholders[0];
    if (unfed) throw new InvalidArgumentError(`Function '${fn.name}' reads placeholder '${unfed.name}' that is not one of its inputs`, unfed.name);
    // The executor consumes its feeds; the caller keeps its own handles.
    const feeds = new Map<number, tfc.Tensor>();
    fn.inputs.forEach((t, i) => {
      const slot = plan.feedSlots.get(t);
      if (slot !== undefined && !feeds.has(slot)) feeds.set(slot, tfc.clone(inputs[i]!));
    });
    return execute(plan, feeds, ctx.child());
  };
}
