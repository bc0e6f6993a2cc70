import type { Graph } from '../../graph/graph.js';
import type { Operation } from '../../graph/operation.js';
import type { Tensor } from '../../graph/tensor.js';
import type { SubgraphFunction } from '../core/define.js';
import { VARIABLE_OP_TYPES } from '../state/variable_v2.js';

/** Op types a function recomputes rather than exposes: they have no inputs and cost nothing. */
export const RECOMPUTED: readonly string[] = ['Const', 'Placeholder', ...VARIABLE_OP_TYPES];

/** Whether `x` is a GraphFunction (the check of If's and While's function attrs). */
export function isGraphFunction(x: unknown): x is GraphFunction {
  return x instanceof GraphFunction;
}

/**
 * A function body held in a cond's or loop's attrs: run with `inputs` fed (usually its
 * Placeholders; a gradient function also feeds forward tensors, which cuts their upstream) and
 * returning `outputs`. `intermediates` are the other tensors a run computes: the op exposes
 * them as extra outputs so gradients can read the forward values instead of recomputing them
 * (TF2 does the same), and keeps only those a plan reads.
 * @example new GraphFunction({name: 'cond_true', graph: body, inputs: [xIn], outputs: [yOut]})
 */
export class GraphFunction implements SubgraphFunction {
  readonly name: string;
  readonly graph: Graph;
  readonly inputs: readonly Tensor[];
  readonly outputs: readonly Tensor[];
  /** How many trailing inputs stand for captured outer tensors. */
  readonly numCaptures: number;
  /** How many leading intermediates are per-iteration inputs (a loop body's loop variables). */
  readonly numPerIteration: number;
  readonly intermediates: readonly Tensor[];
  private readonly derived = new Map<string, SubgraphFunction>();

  /**
   * `perIteration` inputs are exposed first among the intermediates: a loop body's loop
   * variables, whose value changes every iteration; a loop body's computed outputs are
   * intermediates too (an If's outputs are its own outputs already).
   */
  constructor(args: {
    name: string;
    graph: Graph;
    inputs: readonly Tensor[];
    outputs: readonly Tensor[];
    numCaptures?: number;
    perIteration?: readonly Tensor[];
  }) {
    this.name = args.name;
    this.graph = args.graph;
    this.inputs = Object.freeze([...args.inputs]);
    this.outputs = Object.freeze([...args.outputs]);
    this.numCaptures = args.numCaptures ?? 0;
    this.numPerIteration = args.perIteration?.length ?? 0;
    this.intermediates = Object.freeze([
      ...(args.perIteration ?? []),
      ...computedTensors(this.inputs, this.outputs, args.perIteration !== undefined),
    ]);
  }

  /** This function returning also the intermediates at `indices` (after its outputs). */
  withIntermediates(indices: readonly number[]): SubgraphFunction {
    if (indices.length === 0) return this;
    const key = indices.join(',');
    let fn = this.derived.get(key);
    if (!fn) {
      fn = {
        name: this.name,
        graph: this.graph,
        inputs: this.inputs,
        outputs: [...this.outputs, ...indices.map((i) => this.intermediates[i]!)],
      };
      this.derived.set(key, fn);
    }
    return fn;
  }

  toString(): string {
    return `<function ${this.name}>`;
  }
}

/**
 * The tensors a run of the function computes (besides its outputs unless `withOutputs`): outputs of every op it runs
 * (found backwards from the outputs, through data and control inputs, stopping at fed inputs),
 * except ops that need no inputs, in creation order.
 */
function computedTensors(
  inputs: readonly Tensor[],
  outputs: readonly Tensor[],
  withOutputs: boolean,
): Tensor[] {
  const fed = new Set(inputs);
  const seen = new Set<Operation>();
  const stack: Operation[] = [];
  const need = (t: Tensor): void => {
    if (!fed.has(t) && !seen.has(t.op)) {
      seen.add(t.op);
      stack.push(t.op);
    }
  };
  outputs.forEach(need);
  while (stack.length > 0) {
    const op = stack.pop()!;
    op.inputs.forEach(need);
    for (const c of op.controlInputs) {
      if (!seen.has(c)) {
        seen.add(c);
        stack.push(c);
      }
    }
  }
  const out = new Set(withOutputs ? [] : outputs);
  return [...seen]
    .filter((op) => !RECOMPUTED.includes(op.type))
    .sort((a, b) => a.id - b.id)
    .flatMap((op) => op.outputs.filter((t) => !out.has(t) && !fed.has(t)));
}
