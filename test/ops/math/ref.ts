// Independent references for the math op tests: explicit index loops over row-major data,
// sharing no code with the ops under test.
import * as tf from '../../../src/index.js';

export interface Arr {
  shape: number[];
  data: ArrayLike<number>;
}

export interface Expected {
  shape: number[];
  values: number[];
}

export const size = (shape: readonly number[]): number => shape.reduce((p, d) => p * d, 1);

function strides(shape: readonly number[]): number[] {
  const s = new Array<number>(shape.length).fill(1);
  for (let i = shape.length - 2; i >= 0; i--) s[i] = s[i + 1]! * shape[i + 1]!;
  return s;
}

function unravel(k: number, shape: readonly number[]): number[] {
  const idx = new Array<number>(shape.length).fill(0);
  let rem = k;
  for (let i = shape.length - 1; i >= 0; i--) {
    idx[i] = rem % shape[i]!;
    rem = Math.floor(rem / shape[i]!);
  }
  return idx;
}

/** numpy broadcasting of any number of arrays through `f`, one output element at a time. */
export function broadcastN(arrs: Arr[], f: (...v: number[]) => number): Expected {
  const n = Math.max(...arrs.map((a) => a.shape.length));
  const padded = arrs.map((a) => [...new Array<number>(n - a.shape.length).fill(1), ...a.shape]);
  const out = new Array<number>(n).fill(1);
  for (const p of padded) p.forEach((d, i) => (out[i] = d === 1 ? out[i]! : d));
  const st = padded.map(strides);
  const values: number[] = [];
  for (let k = 0; k < size(out); k++) {
    const idx = unravel(k, out);
    const args = arrs.map((a, j) => {
      let off = 0;
      idx.forEach((ix, i) => (off += (padded[j]![i] === 1 ? 0 : ix) * st[j]![i]!));
      return a.data[off]!;
    });
    values.push(f(...args));
  }
  return { shape: out, values };
}

export const binary = (a: Arr, b: Arr, f: (x: number, y: number) => number): Expected =>
  broadcastN([a, b], f);

export function unary(a: Arr, f: (x: number) => number): Expected {
  return { shape: [...a.shape], values: Array.from(a.data, f) };
}

/** Reduces `axes` of `a` with `f` over the list of reduced values, keeping dims as asked. */
export function reduceRef(
  a: Arr,
  axes: number[],
  keep: boolean,
  f: (vals: number[]) => number,
): Expected {
  const rank = a.shape.length;
  const ax = axes.map((x) => (x < 0 ? x + rank : x));
  const outKept = a.shape.map((d, i) => (ax.includes(i) ? 1 : d));
  const groups: number[][] = Array.from({ length: size(outKept) }, () => []);
  const st = strides(outKept);
  for (let k = 0; k < size(a.shape); k++) {
    const idx = unravel(k, a.shape);
    let o = 0;
    idx.forEach((ix, i) => (o += (ax.includes(i) ? 0 : ix) * st[i]!));
    groups[o]!.push(a.data[k]!);
  }
  const shape = keep ? outKept : a.shape.filter((_, i) => !ax.includes(i));
  return { shape, values: groups.map(f) };
}

export const sumOf = (v: number[]): number => v.reduce((p, x) => p + x, 0);
export const prodOf = (v: number[]): number => v.reduce((p, x) => p * x, 1);

/** C = op(A) @ op(B) by the triple loop. */
export function matmulRef(a: Arr, b: Arr, ta = false, tb = false): Expected {
  const at = (i: number, k: number): number =>
    ta ? a.data[k * a.shape[1]! + i]! : a.data[i * a.shape[1]! + k]!;
  const bt = (k: number, j: number): number =>
    tb ? b.data[j * b.shape[1]! + k]! : b.data[k * b.shape[1]! + j]!;
  const m = ta ? a.shape[1]! : a.shape[0]!;
  const kk = ta ? a.shape[0]! : a.shape[1]!;
  const n = tb ? b.shape[0]! : b.shape[1]!;
  const values: number[] = [];
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < kk; k++) s += at(i, k) * bt(k, j);
      values.push(s);
    }
  }
  return { shape: [m, n], values };
}

/** A host NDArray for feeds. */
export function nd(dtype: tf.DType, a: Arr): tf.NDArray {
  const data =
    dtype === 'bool'
      ? Uint8Array.from(a.data)
      : dtype === 'int32' || dtype === 'int64'
        ? Int32Array.from(a.data)
        : Float32Array.from(a.data);
  return new tf.NDArray(dtype, a.shape, data);
}

/** `n` deterministic values in [lo, hi), optionally rounded to integers. */
export function values(n: number, seed: number, lo = -2, hi = 2, int = false): number[] {
  let s = seed >>> 0;
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const v = lo + ((hi - lo) * s) / 4294967296;
    out.push(int ? Math.floor(v) : v);
  }
  return out;
}

/** Random test data as float32 holds it (so references see the values the kernels see). */
export const arr = (shape: number[], seed: number, lo = -2, hi = 2, int = false): Arr => ({
  shape,
  data: values(size(shape), seed, lo, hi, int).map(Math.fround),
});

/** Like `arr`, with |v| in [lo, hi) and random signs (divisors, kinks). */
export function awayFromZero(shape: number[], seed: number, lo = 0.5, hi = 2): Arr {
  const signs = values(size(shape), seed + 99, -1, 1);
  return {
    shape,
    data: values(size(shape), seed, lo, hi).map((v, i) => Math.fround(signs[i]! < 0 ? -v : v)),
  };
}
