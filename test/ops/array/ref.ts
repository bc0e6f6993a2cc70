// Independent references for the array op tests: explicit index loops over row-major data,
// sharing no code with the ops under test.
import * as tf from '../../../src/index.js';
import { rng, runOpCase, type OpCase } from '../../util/op_cases.js';

export interface Arr {
  shape: number[];
  data: number[];
}

export interface Expected {
  shape: number[];
  values: number[];
}

export const size = (shape: readonly number[]): number => shape.reduce((p, d) => p * d, 1);

export function strides(shape: readonly number[]): number[] {
  const s = new Array<number>(shape.length).fill(1);
  for (let i = shape.length - 2; i >= 0; i--) s[i] = s[i + 1]! * shape[i + 1]!;
  return s;
}

export function unravel(k: number, shape: readonly number[]): number[] {
  const idx = new Array<number>(shape.length).fill(0);
  let rem = k;
  for (let i = shape.length - 1; i >= 0; i--) {
    idx[i] = rem % shape[i]!;
    rem = Math.floor(rem / shape[i]!);
  }
  return idx;
}

export function ravel(idx: readonly number[], shape: readonly number[]): number {
  const st = strides(shape);
  return idx.reduce((off, ix, i) => off + ix * st[i]!, 0);
}

/** The element of `a` at a multi-index. */
export const at = (a: Arr, idx: readonly number[]): number => a.data[ravel(idx, a.shape)]!;

/** Builds an array of `shape` from a function of each output multi-index. */
export function build(shape: number[], f: (idx: number[]) => number): Expected {
  const values: number[] = [];
  for (let k = 0; k < size(shape); k++) values.push(f(unravel(k, shape)));
  return { shape, values };
}

/** A test array: distinct values 0, 1, 2, ... (or seeded random integers/floats). */
export function iota(shape: number[], start = 0): Arr {
  return { shape, data: Array.from({ length: size(shape) }, (_, i) => start + i) };
}

export function rand(shape: number[], seed: number, lo = -1, hi = 1, ints = false): Arr {
  const r = rng(seed);
  return {
    shape,
    data: Array.from({ length: size(shape) }, () =>
      ints ? Math.floor(lo + (hi - lo) * r()) : lo + (hi - lo) * r(),
    ),
  };
}

export const nd = (dtype: tf.DType, a: Arr): tf.NDArray =>
  new tf.NDArray(
    dtype,
    a.shape,
    dtype === 'int32' ? Int32Array.from(a.data) : Float32Array.from(a.data),
  );

export const asExpected = (a: Arr): Expected => ({ shape: a.shape, values: a.data });

/** numpy transpose by the loop definition y[i] = x[i permuted]. */
export function transposeRef(a: Arr, perm: number[]): Expected {
  const shape = perm.map((p) => a.shape[p]!);
  return build(shape, (idx) => {
    const src = new Array<number>(perm.length);
    perm.forEach((p, i) => (src[p] = idx[i]!));
    return at(a, src);
  });
}

/** Concatenation along `axis`: find which input an output index falls in. */
export function concatRef(arrs: Arr[], axis: number): Expected {
  const shape = [...arrs[0]!.shape];
  shape[axis] = arrs.reduce((s, a) => s + a.shape[axis]!, 0);
  return build(shape, (idx) => {
    let k = idx[axis]!;
    for (const a of arrs) {
      if (k < a.shape[axis]!) {
        const src = [...idx];
        src[axis] = k;
        return at(a, src);
      }
      k -= a.shape[axis]!;
    }
    throw new Error('unreachable');
  });
}

/** The sub-array of `a` at offsets `begin` of extent `sizes`. */
export function sliceRef(a: Arr, begin: number[], sizes: number[]): Expected {
  return build(sizes, (idx) =>
    at(
      a,
      idx.map((i, d) => i + begin[d]!),
    ),
  );
}

/** One numpy index item for `stridedRef`. */
export type Item =
  { index: number } | { start?: number; stop?: number; step?: number } | 'ellipsis' | 'newaxis';

/** Python's slice.indices(length): the positions a slice selects. */
function sliceIndices(
  len: number,
  start: number | undefined,
  stop: number | undefined,
  step = 1,
): number[] {
  let lo: number;
  let hi: number;
  if (step > 0) {
    lo = start === undefined ? 0 : start < 0 ? Math.max(start + len, 0) : Math.min(start, len);
    hi = stop === undefined ? len : stop < 0 ? Math.max(stop + len, 0) : Math.min(stop, len);
  } else {
    lo =
      start === undefined
        ? len - 1
        : start < 0
          ? Math.max(start + len, -1)
          : Math.min(start, len - 1);
    hi = stop === undefined ? -1 : stop < 0 ? Math.max(stop + len, -1) : Math.min(stop, len - 1);
  }
  const out: number[] = [];
  for (let i = lo; step > 0 ? i < hi : i > hi; i += step) out.push(i);
  return out;
}

/**
 * numpy basic indexing x[items] by its definition: each item picks positions along one input
 * axis (an int drops the axis, newaxis adds one, the ellipsis stands for the axes not named).
 */
export function stridedRef(a: Arr, items: Item[]): Expected {
  const named = items.filter((it) => it !== 'ellipsis' && it !== 'newaxis').length;
  const expanded: Item[] = [];
  let sawEllipsis = false;
  for (const it of items) {
    if (it === 'ellipsis') {
      sawEllipsis = true;
      for (let k = 0; k < a.shape.length - named; k++) expanded.push({});
    } else expanded.push(it);
  }
  if (!sawEllipsis) for (let k = named; k < a.shape.length; k++) expanded.push({});
  // Per output axis: which input axis and positions, or a new axis.
  const picks: { axis: number; positions: number[]; keep: boolean }[] = [];
  let axis = 0;
  for (const it of expanded) {
    if (it === 'newaxis') {
      picks.push({ axis: -1, positions: [0], keep: true });
    } else if (it !== 'ellipsis' && 'index' in it) {
      const len = a.shape[axis]!;
      picks.push({ axis, positions: [it.index < 0 ? it.index + len : it.index], keep: false });
      axis++;
    } else if (it !== 'ellipsis') {
      picks.push({
        axis,
        positions: sliceIndices(a.shape[axis]!, it.start, it.stop, it.step),
        keep: true,
      });
      axis++;
    }
  }
  const outShape = picks.filter((p) => p.keep).map((p) => p.positions.length);
  return build(outShape, (idx) => {
    const src = new Array<number>(a.shape.length).fill(0);
    let o = 0;
    for (const p of picks) {
      const i = p.keep ? idx[o++]! : 0;
      if (p.axis >= 0) src[p.axis] = p.positions[i]!;
    }
    return at(a, src);
  });
}

/** Gather along `axis` (batch_dims 0) by y[o, i, n] = x[o, idx[i], n]. */
export function gatherRef(a: Arr, indices: Arr, axis: number): Expected {
  const shape = [...a.shape.slice(0, axis), ...indices.shape, ...a.shape.slice(axis + 1)];
  const ir = indices.shape.length;
  return build(shape, (idx) => {
    const pos = at(indices, idx.slice(axis, axis + ir));
    return at(a, [...idx.slice(0, axis), pos, ...idx.slice(axis + ir)]);
  });
}

/** Padding by the definition: each output index maps to an input index or the constant. */
export function padRef(
  a: Arr,
  paddings: [number, number][],
  mode: 'CONSTANT' | 'REFLECT' | 'SYMMETRIC',
  c = 0,
): Expected {
  const shape = a.shape.map((d, i) => d + paddings[i]![0] + paddings[i]![1]);
  return build(shape, (idx) => {
    const src: number[] = [];
    for (let d = 0; d < idx.length; d++) {
      const n = a.shape[d]!;
      let i = idx[d]! - paddings[d]![0];
      if (i < 0 || i >= n) {
        if (mode === 'CONSTANT') return c;
        // Mirror about the edge: REFLECT excludes the edge element, SYMMETRIC repeats it.
        if (i < 0) i = mode === 'REFLECT' ? -i : -i - 1;
        else i = mode === 'REFLECT' ? 2 * (n - 1) - i : 2 * n - 1 - i;
      }
      src.push(i);
    }
    return at(a, src);
  });
}

/** Tiling by y[i] = x[i mod dims]. */
export function tileRef(a: Arr, multiples: number[]): Expected {
  const shape = a.shape.map((d, i) => d * multiples[i]!);
  return build(shape, (idx) =>
    at(
      a,
      idx.map((i, d) => i % a.shape[d]!),
    ),
  );
}

/**
 * Runs an op-case row on cpu and again on wasm (the default backend in Node), whose stock
 * kernels differ from cpu's in places.
 */
export async function runBoth(c: OpCase): Promise<void> {
  await runOpCase(c);
  await runOpCase({ ...c, name: `[wasm] ${c.name}`, backend: 'wasm' });
}
