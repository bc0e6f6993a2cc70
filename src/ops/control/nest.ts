import { ValueError } from '../../errors.js';
import { NDArray } from '../../graph/ndarray.js';
import { Operation } from '../../graph/operation.js';
import { Tensor } from '../../graph/tensor.js';

/**
 * TF's `nest` for the structures cond branches and loop bodies return: arrays and plain objects
 * are structure (object keys in sorted order, as TF sorts dict keys); everything else (tensors,
 * operations, variables, numbers, NDArrays, TypedArrays) is a leaf.
 */
export function isStructure(x: unknown): x is readonly unknown[] | Record<string, unknown> {
  return Array.isArray(x) || isPlainObject(x);
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
  const proto: unknown = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
}

/** The leaves of `x`, depth first. */
export function flatten(x: unknown): unknown[] {
  const out: unknown[] = [];
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (isPlainObject(v))
      Object.keys(v)
        .sort()
        .forEach((k) => visit(v[k]));
    else out.push(v);
  };
  visit(x);
  return out;
}

/** Rebuilds `structure` with `leaves` in flatten order. */
export function packSequenceAs(structure: unknown, leaves: readonly unknown[]): unknown {
  let i = 0;
  const build = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(build);
    if (isPlainObject(v)) {
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(v).sort()) out[k] = build(v[k]);
      return out;
    }
    if (i >= leaves.length)
      throw new ValueError(`Structure had more leaves than the ${leaves.length} given`);
    return leaves[i++];
  };
  const result = build(structure);
  if (i !== leaves.length)
    throw new ValueError(`Structure had ${i} leaves, but ${leaves.length} were given`);
  return result;
}

/** A short Python-like rendering for error messages. */
export function describeStructure(x: unknown): string {
  if (Array.isArray(x)) return `[${x.map(describeStructure).join(', ')}]`;
  if (isPlainObject(x))
    return `{${Object.keys(x)
      .sort()
      .map((k) => `'${k}': ${describeStructure(x[k])}`)
      .join(', ')}}`;
  if (x instanceof Tensor)
    return `<tf.Tensor '${x.name}' shape=${x.shape.toString()} dtype=${x.dtype}>`;
  if (x instanceof Operation) return `<tf.Operation '${x.name}' type=${x.type}>`;
  if (x instanceof NDArray) return `NDArray(shape=${JSON.stringify(x.shape)}, dtype=${x.dtype})`;
  if (x === undefined) return 'None';
  if (
    typeof x === 'object' &&
    x !== null &&
    typeof (x as { toString?: unknown }).toString === 'function'
  )
    return String(x);
  return JSON.stringify(x) ?? String(x);
}

/** Why `a` and `b` differ in structure, or null when they match (TF's "More specifically"). */
function structureMismatch(a: unknown, b: unknown): string | null {
  const seqA = isStructure(a);
  const seqB = isStructure(b);
  if (seqA !== seqB) {
    const [s, n] = seqA ? [a, b] : [b, a];
    return `Substructure "${describeStructure(s)}" is a sequence, while substructure "${describeStructure(n)}" is not`;
  }
  if (!seqA) return null;
  if (Array.isArray(a) !== Array.isArray(b)) {
    return `The two namedtuples don't have the same sequence type. First structure ${describeStructure(a)} has type ${Array.isArray(a) ? 'list' : 'dict'}, while second structure ${describeStructure(b)} has type ${Array.isArray(b) ? 'list' : 'dict'}`;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) {
      return `The two structures don't have the same number of elements. First structure: ${describeStructure(a)}. Second structure: ${describeStructure(b)}`;
    }
    for (let i = 0; i < a.length; i++) {
      const m = structureMismatch(a[i], b[i]);
      if (m) return m;
    }
    return null;
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const ka = Object.keys(ra).sort();
  const kb = Object.keys(rb).sort();
  if (ka.join('\u0000') !== kb.join('\u0000')) {
    return `The two dictionaries don't have the same set of keys. First structure has keys ${JSON.stringify(ka)}, while second structure has keys ${JSON.stringify(kb)}`;
  }
  for (const k of ka) {
    const m = structureMismatch(ra[k], rb[k]);
    if (m) return m;
  }
  return null;
}

/** TF's nest.assert_same_structure: ValueError with TF's wording when `a` and `b` differ. */
export function assertSameStructure(a: unknown, b: unknown): void {
  const m = structureMismatch(a, b);
  if (m === null) return;
  throw new ValueError(
    `The two structures don't have the same nested structure.\n\nFirst structure: ${describeStructure(a)}\n\nSecond structure: ${describeStructure(b)}\n\nMore specifically: ${m}`,
  );
}
