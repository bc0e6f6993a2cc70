import { LookupError, ValueError } from '../errors.js';
import { isFloating } from '../graph/dtype.js';
import type { Graph } from '../graph/graph.js';
import type { Operation } from '../graph/operation.js';
import { Tensor } from '../graph/tensor.js';
import { fill } from './array/fill.js';
import { reshape } from './array/reshape.js';
import { shape as shapeOf } from './array/shape.js';
import { zerosLike } from './array/zeros_like.js';
import { constant } from './array/const.js';
import { BroadcastGradientArgs } from './array/broadcast_gradient_args.js';
import { applyOp } from './core/apply.js';
import { parseInputDecl, type GradFn, type GradientsFn, type OpRecord } from './core/define.js';
import { getOpRecord } from './core/registry.js';
import { graphOf, symbolicOf, type TensorLike } from './core/tensor_like.js';
import { addN } from './math/add_n.js';
import { reduceSum } from './math/sum.js';

export interface GradientsOptions {
  /** Tensors treated as constants: no gradient flows through them. */
  stopGradients?: readonly TensorLike[];
  name?: string;
}

type Differentiable = Tensor | { asGraphElement(): Tensor | Operation } | { toTensor(): Tensor };

/** xs may be Variables: TF differentiates with respect to the variable's ref tensor ('v:0'). */
function asX(x: Differentiable): Tensor {
  if (x instanceof Tensor) return x;
  if ('asGraphElement' in x && typeof x.asGraphElement === 'function') {
    const el = x.asGraphElement();
    if (el instanceof Tensor) return el;
  }
  const t = symbolicOf(x);
  if (!t) throw new ValueError('tf.gradients: xs must be Tensors or Variables');
  return t;
}

function asY(y: Differentiable): Tensor {
  const t = symbolicOf(y) ?? (y instanceof Tensor ? y : null);
  if (!t) throw new ValueError('tf.gradients: ys must be Tensors');
  return t;
}

const trainable = (t: Tensor): boolean => isFloating(t.dtype);

/**
 * TF1's tf.gradients: builds, under a 'gradients' name scope, the symbolic derivative of
 * sum(ys) with respect to each of xs (null where no y depends on an x). Gradients reaching a
 * tensor along several paths are added with AddN.
 * @example const [dw, db] = tf.gradients(loss, [w, b])
 */
export function gradients(
  ys: Differentiable | readonly Differentiable[],
  xs: Differentiable | readonly Differentiable[],
  gradYs?: readonly (TensorLike | null)[] | TensorLike | null,
  options: GradientsOptions = {},
): (Tensor | null)[] {
  const yList = (Array.isArray(ys) ? ys : [ys]).map((y) => asY(y as Differentiable));
  const xList = (Array.isArray(xs) ? xs : [xs]).map((x) => asX(x as Differentiable));
  const gyList = gradYs === undefined || gradYs === null ? [] : Array.isArray(gradYs) && yList.length > 1 ? gradYs : [gradYs];
  if (gyList.length > 0 && gyList.length !== yList.length) {
    throw new ValueError(`Passed ${gyList.length} grad_ys for ${yList.length} ys`);
  }
  const graph: Graph = graphOf([...yList, ...xList]);
  const stopOps = new Set((options.stopGradients ?? []).map((t) => symbolicOf(t)?.op).filter((o): o is Operation => o !== undefined));

  return graph.asDefault(() =>
    graph.nameScope(options.name ?? 'gradients', () => {
      // Ops reachable forward from xs, then those of them on a path back from ys.
      const reached = new Set<Operation>();
      const stack = xList.map((x) => x.op);
      while (stack.length) {
        const op = stack.pop()!;
        if (reached.has(op)) continue;
        reached.add(op);
        for (const out of op.outputs) for (const c of out.consumers()) stack.push(c);
      }
      const between = new Set<Operation>();
      const back = yList.map((y) => y.op);
      while (back.length) {
        const op = back.pop()!;
        if (!reached.has(op) || between.has(op)) continue;
        between.add(op);
        for (const t of op.inputs) back.push(t.op);
      }
      const pending = new Map<Operation, number>();
      for (const op of between) {
        for (const t of op.inputs) if (between.has(t.op)) pending.set(t.op, (pending.get(t.op) ?? 0) + 1);
      }

      const grads = new Map<Tensor, Tensor[]>();
      const addGrad = (t: Tensor, g: Tensor): void => {
        const list = grads.get(t);
        if (list) list.push(g);
        else grads.set(t, [g]);
      };
      const aggregated = (t: Tensor): Tensor | null => {
        const list = grads.get(t);
        if (!list || list.length === 0) return null;
        if (list.length === 1) return list[0]!;
        const sum = addN(list);
        grads.set(t, [sum]);
        return sum;
      };

      yList.forEach((y, i) => {
        const given = gyList[i];
        let gy: Tensor;
        if (given === undefined || given === null) {
          const one = constant(1, { dtype: y.dtype, name: `grad_ys_${i}` });
          gy = fill(shapeOf(y), one);
        } else {
          gy = symbolicOf(given) ?? constant(given as number, { dtype: y.dtype, name: `grad_ys_${i}` });
        }
        addGrad(y, gy);
      });

      const queue: Operation[] = [];
      const queued = new Set<Operation>();
      for (const y of yList) {
        if (between.has(y.op) && (pending.get(y.op) ?? 0) === 0 && !queued.has(y.op)) {
          queued.add(y.op);
          queue.push(y.op);
        }
      }
      while (queue.length) {
        const op = queue.shift()!;
        const outGrads = op.outputs.map(aggregated);
        const hasGrads = outGrads.some((g) => g !== null);
        let inGrads: (Tensor | null)[] = op.inputs.map(() => null);
        if (hasGrads && !stopOps.has(op) && op.inputs.length > 0) {
          const record = getOpRecord(op.type);
          const rule = record?.grad;
          if (!record || rule === undefined) {
            throw new LookupError(`No gradient defined for operation '${op.name}' (op type: ${op.type})`);
          }
          if (rule !== 'none') {
            inGrads = graph.nameScope(`${op.name}_grad`, () => {
              // Outputs with no gradient get zeros, so rules may assume every dy is set (unless
              // the record takes nulls).
              const dys = outGrads.map((g, i) => (g === null && trainable(op.outputs[i]!) && !record.nullGrads ? zerosLike(op.outputs[i]!) : g));
              return callRule(record, rule, op, dys);
            });
          }
        }
        op.inputs.forEach((t, i) => {
          const g = inGrads[i];
          // A stop tensor still collects its own gradient (TF returns it); only its op does not pass it on.
          if (g && trainable(t)) addGrad(t, g);
        });
        for (const t of op.inputs) {
          if (!between.has(t.op)) continue;
          const n = (pending.get(t.op) ?? 0) - 1;
          pending.set(t.op, n);
          if (n === 0 && !queued.has(t.op)) {
            queued.add(t.op);
            queue.push(t.op);
          }
        }
      }
      return xList.map((x) => aggregated(x));
    }),
  );
}

/** The driver over explicit lists, as rules of sub-graph ops (cond, while) call it. */
const gradientsOfLists: GradientsFn = (ys, xs, gradYs, options) => gradients([...ys], [...xs], gradYs.length === 1 ? gradYs[0]! : [...gradYs], options);

/** Calls an op's rule and maps its result (keyed by input name) to the op's flat inputs. */
function callRule(record: OpRecord, rule: GradFn<OpRecord['attrs']>, op: Operation, dys: (Tensor | null)[]): (Tensor | null)[] {
  const result = rule({ op, inputs: op.inputs, outputs: op.outputs, attrs: op.attrs, gradients: gradientsOfLists }, dys);
  const decls = record.inputs.map(parseInputDecl);
  const listLen = op.inputs.length - (decls.length - 1);
  const flat: (Tensor | null)[] = [];
  for (const d of decls) {
    const v = result[d.name];
    if (d.list) {
      const arr = Array.isArray(v) ? (v as (Tensor | null)[]) : [];
      for (let k = 0; k < listLen; k++) flat.push(arr[k] ?? null);
    } else flat.push((v as Tensor | null | undefined) ?? null);
  }
  return flat.map((g, i) => {
    const input = op.inputs[i]!;
    if (!g) return null;
    const fitted = record.broadcasts ? unbroadcast(g, input) : g;
    if (input.shape.isCompatibleWith(fitted.shape)) fitted.setShape(input.shape);
    return fitted;
  });
}

/**
 * Sums an output-shaped gradient back to `input`'s shape. Statically when the axes are
 * certain; otherwise with BroadcastGradientArgs at run time, as TF's gradients do.
 */
export function unbroadcast(grad: Tensor, input: Tensor): Tensor {
  const xs = input.shape;
  const gs = grad.shape;
  if (xs.isFullyDefined() && xs.equals(gs)) return grad;
  if (xs.dims !== null && gs.dims !== null && gs.dims.length >= xs.dims.length) {
    const lead = gs.dims.length - xs.dims.length;
    const axes: number[] = Array.from({ length: lead }, (_, i) => i);
    let certain = true;
    xs.dims.forEach((d, j) => {
      const gd = gs.dims![lead + j]!;
      if (d === 1 && gd !== 1) axes.push(lead + j);
      else if (d === null && gd !== 1) certain = false;
    });
    if (certain) {
      if (axes.length === 0) return grad;
      const summed = reduceSum(grad, axes, { name: 'Sum' });
      if (summed.shape.equals(xs) && xs.isFullyDefined()) return summed;
      return reshape(summed, xs.isFullyDefined() ? Int32Array.from(xs.dims as number[]) : shapeOf(input), 'Reshape');
    }
  }
  const sx = shapeOf(input);
  const [rx] = applyOp(BroadcastGradientArgs, [sx, shapeOf(grad)], {}, { name: 'BroadcastGradientArgs' });
  return reshape(reduceSum(grad, rx!, { name: 'Sum' }), sx, 'Reshape');
}
