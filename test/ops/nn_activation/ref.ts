import * as tf from '../../../src/index.js';
import { randomArray } from '../../util/op_cases.js';

/** A test array: flat float64 values and a shape. */
export interface Arr {
  shape: number[];
  values: number[];
}

export function arr(shape: number[], seed: number, lo = -3, hi = 3): Arr {
  const n = shape.reduce((a, b) => a * b, 1);
  return { shape, values: Array.from(randomArray(n, seed, lo, hi)) };
}

export function nd(a: Arr, dtype: tf.DType = 'float32'): tf.NDArray {
  return new tf.NDArray(
    dtype,
    a.shape,
    dtype === 'int32' ? Int32Array.from(a.values) : Float32Array.from(a.values),
  );
}

export function map(a: Arr, f: (x: number) => number): Arr {
  return { shape: a.shape, values: a.values.map(f) };
}

/** Row-major strides of a shape. */
function strides(shape: number[]): number[] {
  const s = new Array<number>(shape.length).fill(1);
  for (let i = shape.length - 2; i >= 0; i--) s[i] = s[i + 1]! * shape[i + 1]!;
  return s;
}

/**
 * Applies `f` to every 1-D line of `a` along `axis` (explicit loops over the other indices),
 * writing f's result back along the same line.
 */
export function alongAxis(a: Arr, axis: number, f: (line: number[]) => number[]): Arr {
  const rank = a.shape.length;
  const ax = (axis + rank) % rank;
  const st = strides(a.shape);
  const out = new Array<number>(a.values.length).fill(0);
  const n = a.shape[ax]!;
  for (let flat = 0; flat < a.values.length; flat++) {
    // Visit each line once, from its element with index 0 along the axis.
    if (Math.floor(flat / st[ax]!) % n !== 0) continue;
    const idx = Array.from({ length: n }, (_, k) => flat + k * st[ax]!);
    const res = f(idx.map((i) => a.values[i]!));
    idx.forEach((i, k) => (out[i] = res[k]!));
  }
  return { shape: a.shape, values: out };
}

export function softmaxLine(line: number[]): number[] {
  const m = Math.max(...line);
  const e = line.map((v) => Math.exp(v - m));
  const s = e.reduce((p, q) => p + q, 0);
  return e.map((v) => v / s);
}

export function logSoftmaxLine(line: number[]): number[] {
  const m = Math.max(...line);
  const lse = m + Math.log(line.reduce((p, v) => p + Math.exp(v - m), 0));
  return line.map((v) => v - lse);
}

export const SELU_SCALE = 1.0507009873554805;
export const SELU_ALPHA = 1.6732632423543772;

export const sigmoidRef = (x: number): number =>
  x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
export const softplusRef = (x: number): number =>
  Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));

/** Softmax cross entropy along the last axis: -sum(labels * log_softmax(logits)). */
export function xentRef(logits: Arr, labels: Arr): Arr {
  const c = logits.shape[logits.shape.length - 1]!;
  const values: number[] = [];
  for (let i = 0; i < logits.values.length; i += c) {
    const lp = logSoftmaxLine(logits.values.slice(i, i + c));
    values.push(-lp.reduce((s, v, k) => s + labels.values[i + k]! * v, 0));
  }
  return { shape: logits.shape.slice(0, -1), values };
}

/** Per-channel (last axis) mean and biased variance, by explicit loops. */
export function channelStats(values: number[], c: number): { mean: number[]; variance: number[] } {
  const n = values.length / c;
  const mean = Array.from(
    { length: c },
    (_, k) => values.filter((_, i) => i % c === k).reduce((s, v) => s + v, 0) / n,
  );
  const variance = mean.map(
    (m, k) => values.filter((_, i) => i % c === k).reduce((s, v) => s + (v - m) ** 2, 0) / n,
  );
  return { mean, variance };
}
