import * as tfc from '@tensorflow/tfjs-core';
import { InvalidArgumentError, OpError } from '../errors.js';
import type { KernelContext } from '../ops/core/define.js';
import type { Operation } from '../graph/operation.js';
import type { Plan } from './compile.js';

/** What one run measured. */
export interface RunStats {
  /**
   * The most backend memory (bytes, as tfjs counts them: tfc.memory().numBytes) the run held
   * above what was allocated when it started (feeds included in that start), sampled after each
   * step's kernel.
   */
  peakBytes: number;
  /** The step at which that peak was reached. */
  peakStep: string;
  steps: number;
}

/** A KernelContext whose `op` the executor moves from step to step. */
export interface StepContext extends KernelContext {
  op: Operation;
  /** The running step's output slots (-1: nothing reads that output), for `outputWanted`. */
  outputSlots: readonly number[];
}

/**
 * Runs `plan`. Feeds are consumed (freed after their last use); each step's kernel runs inside
 * tidy and every value is disposed right after its last reader. Returns the fetched tensors,
 * owned by the caller. On error every live value is disposed before rethrowing.
 */
export function execute(plan: Plan, feeds: ReadonlyMap<number, tfc.Tensor>, ctx: StepContext, stats?: RunStats): tfc.Tensor[] {
  const values: (tfc.Tensor | undefined)[] = new Array(plan.numSlots);
  // Backend bytes (tfjs' count: every live tensor handle, as tfc.memory().numBytes) are sampled
  // after each step's kernel, once its outputs are in their slots and before its inputs are
  // freed: everything the run holds (slots, staged variable values), not what the kernel
  // allocated and freed inside itself.
  const engine = tfc.engine();
  const base = engine.state.numBytes;
  let peak = 0;
  let peakStep = '';
  const owned = new Set<tfc.Tensor>();
  const put = (slot: number, t: tfc.Tensor): void => {
    values[slot] = t;
    owned.add(t);
  };
  const free = (slot: number): void => {
    const t = values[slot];
    if (t) {
      values[slot] = undefined;
      owned.delete(t);
      if (!values.includes(t)) t.dispose();
    }
  };
  try {
    for (const [slot, t] of feeds) put(slot, t);
    for (const s of plan.unreadFeeds) free(s);
    for (const step of plan.steps) {
      ctx.op = step.op;
      ctx.outputSlots = step.outputs;
      // Variable reads are the session's own tensors: never stored in a slot, never freed here.
      const ins = step.inputs.map((s) => (typeof s === 'number' ? values[s]! : ctx.readVariable(s)));
      let outs: tfc.Tensor[];
      try {
        outs = tfc.tidy(() => step.record.kernel(ins, step.attrs, ctx));
      } catch (e) {
        throw locate(e, step.op);
      }
      outs.forEach((t, i) => {
        // A kernel may hand back an input unchanged; the slot needs its own handle.
        const out = ins.includes(t) ? tfc.clone(t) : t;
        const s = step.outputs[i] ?? -1;
        if (s < 0) out.dispose();
        else put(s, out);
      });
      const live = engine.state.numBytes - base;
      if (live > peak) {
        peak = live;
        peakStep = step.name;
      }
      for (const s of step.free) free(s);
    }
    if (stats) {
      stats.peakBytes = peak;
      stats.peakStep = peakStep;
      stats.steps = plan.steps.length;
    }
    // A fetched variable is a clone of its value, owned (and freed on error) like any other.
    const result = plan.fetchSlots.map((s) => {
      if (typeof s === 'number') return values[s]!;
      const t = tfc.clone(ctx.readVariable(s));
      owned.add(t);
      return t;
    });
    return result.map((t, i) => (result.indexOf(t) === i ? t : tfc.clone(t)));
  } catch (e) {
    for (const t of owned) t.dispose();
    throw e;
  }
}

/** Adds the failing op and where it was built, keeping TF's error class. */
function locate(e: unknown, op: Operation): Error {
  const where = `\n\t [[node ${op.name} (defined at ${op.createdAt}) ]]`;
  if (e instanceof OpError) {
    const Ctor = e.constructor as new (m: string, op: string | null) => OpError;
    return new Ctor(e.message + where, e.opName ?? op.name);
  }
  // Graph-building errors and tfjs' own errors surface as TF's kernel error class.
  const msg = e instanceof Error ? e.message : String(e);
  return new InvalidArgumentError(`${op.type} '${op.name}': ${msg}${where}`, op.name);
}
