import {
  deadCodeElimination,
  out,
  refKey,
  replaceNodes,
  rewire,
  type IrGraph,
  type IrNode,
  type IrRef,
} from '../ir.js';
import { constantEntries, staticShapeOf } from './values.js';
import type { Pass, PassResult } from './pass.js';

/**
 * Exact arithmetic simplification: rewrites that give bit-identical values (one exception:
 * x + 0 gives -0 for x = -0, where the Add would give +0 — TF's grappler makes the same
 * rewrite). Each applies only where static shapes prove the result has the input's shape and
 * dtype, the node has no control inputs and is not a target:
 * - x * 1, 1 * x, x / 1, x + 0, 0 + x, x - 0 -> x (the constant has size 1 and no more dims);
 * - Cast to the same dtype -> x;
 * - Reshape of a fully known shape to itself -> x; Reshape(Reshape(x, s1), s2) -> Reshape(x, s2)
 *   where x's shape is fully known (so the inner reshape was checked while building);
 * - Transpose(Transpose(x, p1), p2) with p2 undoing p1, and Transpose by the identity -> x.
 * A value a variable is read into is never aliased: its readers must see it as of its reader.
 */
export const arithmeticSimplification: Pass = {
  name: 'arithmeticSimplification',
  description: 'exact arithmetic simplification (x*1, x+0, reshape chains, cancelling transposes)',
  run(g: IrGraph): PassResult {
    const byKey = new Map(g.nodes.map((n) => [n.key, n]));
    const targets = new Set(g.targets);
    const values = new Map<string, IrRef>();
    const replacements = new Map<string, IrNode>();
    const rewrites: string[] = [];
    const resolve = (r: IrRef): IrRef => values.get(refKey(r)) ?? r;
    const alias = (n: IrNode, to: IrRef, why: string): void => {
      values.set(refKey(out(n.key)), to);
      rewrites.push(`${n.type} '${n.key}' -> its input ${describe(to)} (${why})`);
    };
    for (const n of g.nodes) {
      if (n.control.length > 0 || targets.has(n.key) || n.held || n.outputs.length !== 1) continue;
      const ins = n.inputs.map(resolve);
      const simplified = simplify(n, ins, byKey);
      if (!simplified) continue;
      if ('alias' in simplified) {
        if (simplified.alias.kind === 'var') continue;
        alias(n, simplified.alias, simplified.why);
      } else {
        replacements.set(n.key, simplified.node);
        rewrites.push(simplified.why);
      }
    }
    if (rewrites.length === 0) return { graph: g, rewrites };
    return { graph: deadCodeElimination(rewire(replaceNodes(g, replacements), values)), rewrites };
  },
};

type Simplified = { alias: IrRef; why: string } | { node: IrNode; why: string };

function describe(r: IrRef): string {
  if (r.kind === 'out') return `'${r.node}:${r.index}'`;
  return `'${r.tensor.name}'`;
}

/** Whether constant `c` (of `cShape`) broadcast against x keeps x's shape exactly. */
function keepsShape(
  cShape: readonly number[],
  x: IrRef,
  byKey: ReadonlyMap<string, IrNode>,
): boolean {
  if (cShape.length === 0) return true;
  const xs = staticShapeOf(x, byKey);
  return cShape.every((d) => d === 1) && xs.rank !== null && cShape.length <= xs.rank;
}

function isAll(entries: ArrayLike<number | string> | null, v: number): boolean {
  if (!entries || entries.length !== 1) return false;
  return entries[0] === v;
}

function simplify(
  n: IrNode,
  ins: readonly IrRef[],
  byKey: ReadonlyMap<string, IrNode>,
): Simplified | null {
  const [a, b] = ins;
  switch (n.type) {
    case 'Mul':
    case 'Add': {
      const neutral = n.type === 'Mul' ? 1 : 0;
      for (const [x, c] of [
        [a!, b!],
        [b!, a!],
      ] as const) {
        const cv = constantEntries(c, byKey);
        if (cv && isAll(cv.data, neutral) && keepsShape(cv.shape, x, byKey))
          return { alias: x, why: `${n.type === 'Mul' ? 'x * 1' : 'x + 0'}` };
      }
      return null;
    }
    case 'Sub':
    case 'RealDiv': {
      const cv = constantEntries(b!, byKey);
      const neutral = n.type === 'Sub' ? 0 : 1;
      if (cv && isAll(cv.data, neutral) && keepsShape(cv.shape, a!, byKey))
        return { alias: a!, why: n.type === 'Sub' ? 'x - 0' : 'x / 1' };
      return null;
    }
    case 'Cast':
      return n.attrs['SrcT'] === n.attrs['DstT']
        ? { alias: a!, why: 'cast to its own dtype' }
        : null;
    case 'Reshape':
      return simplifyReshape(n, ins, byKey);
    case 'Transpose':
      return simplifyTranspose(n, ins, byKey);
    default:
      return null;
  }
}

function simplifyReshape(
  n: IrNode,
  [x, shape]: readonly IrRef[],
  byKey: ReadonlyMap<string, IrNode>,
): Simplified | null {
  const xs = staticShapeOf(x!, byKey);
  const ys = n.outputs[0]!.shape;
  if (xs.isFullyDefined() && ys.isFullyDefined() && xs.toString() === ys.toString())
    return { alias: x!, why: 'reshape to its own shape' };
  const inner = x!.kind === 'out' ? byKey.get(x!.node) : undefined;
  if (!inner || inner.type !== 'Reshape' || inner.held) return null;
  const innerIn = inner.inputs[0]!;
  if (
    innerIn.kind === 'var' ||
    !staticShapeOf(innerIn, byKey).isFullyDefined() ||
    !inner.outputs[0]!.shape.isFullyDefined()
  )
    return null;
  return {
    node: { ...n, inputs: [innerIn, shape!] },
    why: `Reshape '${n.key}' reshapes '${describe(innerIn)}' directly (skipping Reshape '${inner.key}')`,
  };
}

function permOf(r: IrRef, byKey: ReadonlyMap<string, IrNode>): number[] | null {
  const v = constantEntries(r, byKey);
  if (!v || v.shape.length !== 1) return null;
  const p = Array.from(v.data as ArrayLike<number>);
  const sorted = [...p].sort((i, j) => i - j);
  return sorted.every((d, i) => d === i) ? p : null;
}

function simplifyTranspose(
  n: IrNode,
  [x, perm]: readonly IrRef[],
  byKey: ReadonlyMap<string, IrNode>,
): Simplified | null {
  const p2 = permOf(perm!, byKey);
  if (!p2) return null;
  const rankIs = (r: IrRef, k: number): boolean => staticShapeOf(r, byKey).rank === k;
  if (p2.every((d, i) => d === i) && rankIs(x!, p2.length))
    return { alias: x!, why: 'transpose by the identity permutation' };
  const inner = x!.kind === 'out' ? byKey.get(x!.node) : undefined;
  if (!inner || inner.type !== 'Transpose' || inner.held) return null;
  const p1 = permOf(inner.inputs[1]!, byKey);
  const src = inner.inputs[0]!;
  if (!p1 || p1.length !== p2.length || !rankIs(src, p1.length)) return null;
  // out[i] = mid[p2[i]] = src[p1[p2[i]]]: the identity when p1[p2[i]] === i.
  if (!p2.every((d, i) => p1[d] === i)) return null;
  return { alias: src, why: `cancels Transpose '${inner.key}'` };
}
