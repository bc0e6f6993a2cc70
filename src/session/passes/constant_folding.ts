import * as tfc from '@tensorflow/tfjs-core';
import { NDArray } from '../../graph/ndarray.js';
import { TensorShape } from '../../graph/shape.js';
import type { KernelContext, OpRecord } from '../../ops/core/define.js';
import { defineOp } from '../../ops/core/define.js';
import type { Operation } from '../../graph/operation.js';
import { onBackend } from '../backend.js';
import {
  deadCodeElimination,
  replaceNodes,
  type IrGraph,
  type IrNode,
  type IrOutput,
} from '../ir.js';
import type { Pass, PassContext, PassResult } from './pass.js';

/**
 * A folded value is kept for the plan's whole life, so results above this size are left to
 * run each time (an initializer's zeros the size of a weight, made once, would otherwise stay).
 */
export const FOLD_LIMIT_BYTES = 64 * 1024;

/** Folded values up to this many elements are told to shape inference (a shape, an axis). */
const CONST_VALUE_LIMIT = 1024;

/** Never folded: values that come from outside the graph, and Consts (already constant). */
const NEVER_FOLD: ReadonlySet<string> = new Set([
  'Placeholder',
  'PlaceholderWithDefault',
  'NoOp',
  'Const',
]);

export function tensorBytes(t: tfc.Tensor): number {
  if (t.dtype === 'string') return 0;
  return t.size * (t.dtype === 'bool' ? 1 : t.dtype === 'complex64' ? 8 : 4);
}

/** A node with no inputs whose kernel hands out (handles on) values the plan holds. */
export function heldConstRecord(
  values: readonly tfc.Tensor[],
  outputs: readonly IrOutput[],
): OpRecord {
  return defineOp({
    type: 'Const',
    inputs: [],
    attrs: {},
    infer: () =>
      outputs.map((o, i) => ({ dtype: o.dtype, shape: new TensorShape(values[i]!.shape) })),
    // A clone shares the data: the slot's handle is freed as usual, the held value stays.
    kernel: () => values.map((t) => tfc.clone(t)),
    grad: 'none',
    // What shape inference downstream may know of output 0 (a folded shape, say).
    constValue: () => {
      const t = values[0];
      if (!t || t.dtype === 'string' || t.size > CONST_VALUE_LIMIT) return null;
      return new NDArray(
        outputs[0]!.dtype,
        t.shape,
        t.dataSync() as Float32Array | Int32Array | Uint8Array,
      );
    },
  });
}

/** A constant node whose values are known: a Const without control inputs or a folded one. */
export function isConstantNode(n: IrNode): boolean {
  return (
    n.held !== undefined || (n.type === 'Const' && n.inputs.length === 0 && n.control.length === 0)
  );
}

class Unfoldable extends Error {}

/**
 * A copy of a value in storage of its own dtype. tfjs' cpu Cast to a wider type keeps the input's
 * buffer (an int32 -> float32 cast is still an Int32Array underneath, a bool -> float32 one a
 * Uint8Array), and moving such a tensor to another backend (a wasm session reads what cpu
 * folded) copies those bytes as they are: garbage. Its own buffer moves right.
 */
function ownStorage(t: tfc.Tensor): tfc.Tensor {
  if (t.dtype === 'string') return tfc.clone(t);
  return tfc.tensor(t.dataSync(), t.shape, t.dtype);
}

/** Whether a node may be folded once its inputs are known. */
function foldable(n: IrNode): boolean {
  return (
    !n.record.stateful &&
    !NEVER_FOLD.has(n.type) &&
    !n.held &&
    n.control.length === 0 &&
    n.outputs.length > 0
  );
}

/** What a kernel sees at compile time: no variables, no randomness, no sub-graphs. */
export function refusingContext(op: Operation): KernelContext {
  const refuse = (): never => {
    throw new Unfoldable(op.name);
  };
  return {
    op,
    backendName: 'cpu',
    readVariable: refuse,
    writeVariable: refuse,
    isVariableInitialized: refuse,
    nextSeed: refuse,
    runSubgraph: refuse,
  };
}

/**
 * Constant folding: a stateless node whose inputs are all constants (and that has no control
 * inputs) is computed once, at compile time, by its own kernel on the cpu backend, and becomes
 * a constant holding the result. Never folded: stateful ops (variables, assignments, random
 * ops, control flow), placeholders (with or without default) and so everything downstream of
 * a feed or a variable read. A kernel that throws is left to fail at run time with its error.
 */
export const constantFolding: Pass = {
  name: 'constantFolding',
  description: 'constant folding (computed on cpu at compile time)',
  run(g: IrGraph, ctx: PassContext): PassResult {
    const values = new Map<string, tfc.Tensor[]>();
    const temporaries: tfc.Tensor[] = [];
    const replacements = new Map<string, IrNode>();
    const rewrites: string[] = [];
    const byKey = new Map(g.nodes.map((n) => [n.key, n]));
    const valuesOf = (key: string): tfc.Tensor[] | undefined => {
      const known = values.get(key);
      if (known) return known;
      const n = byKey.get(key);
      if (!n || !isConstantNode(n)) return undefined;
      const vs = n.held
        ? [...n.held]
        : tfc.tidy(() => n.record.kernel([], n.attrs, refusingContext(n.op)));
      if (!n.held) temporaries.push(...vs);
      values.set(key, vs);
      return vs;
    };
    // Switching backends is not free (wasm re-binds its kernels): only for graphs with work.
    const candidate = (n: IrNode): boolean =>
      foldable(n) && n.inputs.every((r) => r.kind === 'out' && isConstantNode(byKey.get(r.node)!));
    if (!g.nodes.some(candidate)) return { graph: g, rewrites };
    try {
      onBackend('cpu', () => {
        for (const n of g.nodes) {
          if (!foldable(n)) continue;
          const ins: tfc.Tensor[] = [];
          for (const r of n.inputs) {
            const v = r.kind === 'out' ? valuesOf(r.node)?.[r.index] : undefined;
            if (!v) break;
            ins.push(v);
          }
          if (ins.length !== n.inputs.length) continue;
          let outs: tfc.Tensor[];
          try {
            outs = tfc.tidy(() =>
              n.record.kernel(ins, n.attrs, refusingContext(n.op)).map(ownStorage),
            );
          } catch {
            continue;
          }
          const bytes = outs.reduce((s, t) => s + tensorBytes(t), 0);
          if (bytes > FOLD_LIMIT_BYTES || outs.length !== n.outputs.length) {
            outs.forEach((t) => t.dispose());
            continue;
          }
          outs.forEach((t) => ctx.hold(t));
          values.set(n.key, outs);
          replacements.set(n.key, {
            ...n,
            type: 'Const',
            record: heldConstRecord(outs, n.outputs),
            attrs: {},
            inputs: [],
            control: [],
            held: outs,
            note: `folded ${n.type}`,
          });
          rewrites.push(
            `folded ${n.type} '${n.key}' -> ${outs.map((t) => `${t.dtype}[${t.shape.join(',')}]`).join(', ')}`,
          );
        }
      });
    } finally {
      temporaries.forEach((t) => t.dispose());
    }
    if (rewrites.length === 0) return { graph: g, rewrites };
    return { graph: deadCodeElimination(replaceNodes(g, replacements)), rewrites };
  },
};
