import * as tfc from '@tensorflow/tfjs-core';
import { computeDType, isInteger, type DType } from '../graph/dtype.js';
import { NDArray } from '../graph/ndarray.js';
import { TensorShape } from '../graph/shape.js';
import type { InferInput } from '../ops/core/define.js';
import { VARIABLE_OP_TYPES } from '../ops/state/variable_v2.js';
import type { Plan, Source, Step } from './compile.js';
import { onBackend } from './backend.js';
import { inputDecls } from './ir.js';
import { refusingContext } from './passes/constant_folding.js';

/** A plan's peak live bytes worked out from shapes, before running it. */
export interface PeakEstimate {
  /** Bytes held above the run's start (feeds count as already there), at the worst step. */
  readonly bytes: number;
  readonly step: string;
  /** False when some value's size stays unknown (counted as 0): then `bytes` is a lower bound. */
  readonly complete: boolean;
}

function bytesPerElement(d: DType): number {
  return d === 'bool' ? 1 : d === 'string' ? 0 : 4;
}

function sizeOf(i: InferInput): number | null {
  const n = i.shape.size;
  return n === null ? null : n * bytesPerElement(i.dtype);
}

/**
 * Static shapes refined by the actual feed shapes: every step's own shape inference runs again
 * on its inputs' refined shapes (and on values known at compile time, as TF's shape inference
 * uses them), so a batch dimension left `?` in the graph becomes the fed batch size.
 */
export function refine(
  plan: Plan,
  feedShapes: ReadonlyMap<number, readonly number[]>,
): (InferInput | undefined)[] {
  const known: (InferInput | undefined)[] = new Array(plan.numSlots);
  for (const [slot, shape] of feedShapes) {
    const info = plan.slotInfo[slot]!;
    known[slot] = { dtype: info.dtype, shape: new TensorShape(shape), value: null };
  }
  const inputOf = (s: Source): InferInput => {
    if (typeof s === 'string') {
      const v = plan.variableInfo.get(s)!;
      return { dtype: v.dtype, shape: v.shape, value: null };
    }
    const info = plan.slotInfo[s]!;
    return known[s] ?? { dtype: info.dtype, shape: info.shape, value: null };
  };
  for (const step of plan.steps) {
    const ins = step.inputs.map(inputOf);
    let outs: InferInput[];
    try {
      const specs = step.record.infer(ins, step.attrs);
      const value = step.record.constValue?.(ins, step.attrs) ?? null;
      const partial = step.record.partialValue?.(ins, step.attrs) ?? null;
      outs = specs.map((o, i) => ({
        dtype: o.dtype,
        shape: o.shape,
        value: i === 0 ? value : null,
        partial:
          i === 0
            ? (partial ??
              (value && value.rank <= 1 && isInteger(value.dtype)
                ? Array.from(value.data as ArrayLike<number>)
                : null))
            : null,
      }));
    } catch {
      continue;
    }
    if (outs.some((o) => !o.shape.isFullyDefined())) outs = evaluateSmall(step, ins) ?? outs;
    step.outputs.forEach((s, i) => {
      const o = outs[i];
      if (s < 0 || !o) return;
      const declared = plan.slotInfo[s]!.shape;
      known[s] = {
        ...o,
        shape: declared.isCompatibleWith(o.shape) ? declared.mergeWith(o.shape) : declared,
      };
    });
  }
  return known;
}

/** Inputs up to this many elements are small enough to compute with while estimating. */
const EVALUATE_LIMIT = 1024;

/**
 * Shape arithmetic whose result shape inference cannot state (BroadcastGradientArgs' second
 * output, say) is computed: when every input's value is known and small, the step's kernel runs
 * (on cpu: estimatePeak switches) and gives the exact shapes (and small integer values for the
 * steps after it).
 */
function evaluateSmall(step: Step, ins: readonly InferInput[]): InferInput[] | null {
  if (
    step.record.stateful ||
    ins.some((i) => !i.value || i.value.size > EVALUATE_LIMIT || i.value.dtype === 'string')
  )
    return null;
  try {
    const outs = tfc.tidy(() => {
      const ts = ins.map((i) =>
        tfc.tensor(
          i.value!.data as Float32Array | Int32Array | Uint8Array,
          [...i.value!.shape],
          computeDType(i.value!.dtype),
        ),
      );
      return step.record
        .kernel(ts, step.attrs, refusingContext(step.op))
        .map((t) => (ts.includes(t) ? tfc.clone(t) : t));
    });
    try {
      return outs.map((t, k): InferInput => {
        const dtype = step.op.outputs[k]?.dtype ?? ins[0]!.dtype;
        const small = t.size <= EVALUATE_LIMIT && t.dtype !== 'string';
        const value = small
          ? new NDArray(dtype, t.shape, t.dataSync() as Float32Array | Int32Array | Uint8Array)
          : null;
        return {
          dtype,
          shape: new TensorShape(t.shape),
          value,
          partial:
            value && value.rank <= 1 && isInteger(dtype)
              ? Array.from(value.data as ArrayLike<number>)
              : null,
        };
      });
    } finally {
      outs.forEach((t) => t.dispose());
    }
  } catch {
    return null;
  }
}

/** Bytes of each variable a step writes (its new value is held until the run commits). */
function writtenBytes(step: Step): number | null {
  if (step.ops.length !== 1 || step.op.name !== step.name) return 0;
  const decls = inputDecls(step.record, step.op);
  let total = 0;
  for (let i = 0; i < decls.length; i++) {
    const t = step.op.inputs[i];
    if (!decls[i]?.ref || !t || !VARIABLE_OP_TYPES.includes(t.op.type)) continue;
    const n = sizeOf({ dtype: t.dtype, shape: t.shape, value: null });
    if (n === null) return null;
    total += n;
  }
  return total;
}

/**
 * Simulates the plan's liveness over sizes from shapes: after each step's kernel its outputs
 * are live next to its inputs; then the values it last reads are freed. Staged variable values
 * stay until the end (the run commits them all at once).
 */
export function estimatePeak(
  plan: Plan,
  feedShapes: ReadonlyMap<number, readonly number[]>,
): PeakEstimate {
  // Small shape arithmetic is computed on cpu (see evaluateSmall): switch once for all of it.
  const known = onBackend('cpu', () => refine(plan, feedShapes));
  let complete = true;
  const bytesOf = (slot: number): number => {
    const info = plan.slotInfo[slot]!;
    const n = sizeOf(known[slot] ?? { dtype: info.dtype, shape: info.shape, value: null });
    if (n === null) complete = false;
    return n ?? 0;
  };
  let live = 0;
  let peak = 0;
  let peakStep = '';
  for (const s of plan.unreadFeeds) live -= bytesOf(s);
  for (const step of plan.steps) {
    const staged = writtenBytes(step);
    if (staged === null) complete = false;
    live += staged ?? 0;
    // Outputs nothing reads (slot -1) are dropped as soon as the kernel returns; not counted.
    const made = step.outputs.reduce((sum, s) => sum + (s >= 0 ? bytesOf(s) : 0), 0);
    live += made;
    if (live > peak) {
      peak = live;
      peakStep = step.name;
    }
    for (const s of step.free) live -= bytesOf(s);
  }
  return { bytes: peak, step: peakStep, complete };
}
