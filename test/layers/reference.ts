/**
 * Independent references for the layer tests: plain loops over row-major arrays, written from
 * the definitions (cross-correlation, TF's SAME padding, transposed convolution as the
 * scatter of each input through the kernel), not from the code under test.
 */
export interface Arr {
  shape: number[];
  data: Float64Array;
}

export function arr(shape: readonly number[], data: ArrayLike<number>): Arr {
  return { shape: [...shape], data: Float64Array.from(data) };
}

export function zeros(shape: readonly number[]): Arr {
  return { shape: [...shape], data: new Float64Array(shape.reduce((a, b) => a * b, 1)) };
}

const STRIDES = new WeakMap<readonly number[], number[]>();

function stridesOf(shape: readonly number[]): number[] {
  const cached = STRIDES.get(shape);
  if (cached) return cached;
  const s = new Array<number>(shape.length).fill(1);
  for (let i = shape.length - 2; i >= 0; i--) s[i] = s[i + 1]! * shape[i + 1]!;
  STRIDES.set(shape, s);
  return s;
}

/** Calls fn for every index of `shape` in row-major order. */
export function forEachIndex(shape: readonly number[], fn: (idx: number[]) => void): void {
  const n = shape.reduce((a, b) => a * b, 1);
  const idx = new Array<number>(shape.length).fill(0);
  for (let k = 0; k < n; k++) {
    fn(idx);
    for (let a = shape.length - 1; a >= 0; a--) {
      idx[a]! += 1;
      if (idx[a]! < shape[a]!) break;
      idx[a] = 0;
    }
  }
}

export function get(a: Arr, idx: readonly number[]): number {
  const st = stridesOf(a.shape);
  return a.data[idx.reduce((o, v, i) => o + v * st[i]!, 0)]!;
}

function offset(a: Arr, idx: readonly number[]): number {
  const st = stridesOf(a.shape);
  return idx.reduce((o, v, i) => o + v * st[i]!, 0);
}

export function transposeArr(a: Arr, perm: readonly number[]): Arr {
  const out = zeros(perm.map((p) => a.shape[p]!));
  forEachIndex(out.shape, (idx) => {
    const src = new Array<number>(idx.length);
    perm.forEach((p, i) => (src[p] = idx[i]!));
    out.data[offset(out, idx)] = get(a, src);
  });
  return out;
}

/** channels_last -> channels_first permutation for a rank-`r` tensor, and back. */
export const toFirst = (r: number): number[] => [
  0,
  r - 1,
  ...Array.from({ length: r - 2 }, (_, i) => i + 1),
];
export const toLast = (r: number): number[] => [
  0,
  ...Array.from({ length: r - 2 }, (_, i) => i + 2),
  1,
];

export type Pad = 'SAME' | 'VALID';

function outSize(n: number, ek: number, s: number, pad: Pad): number {
  return pad === 'SAME' ? Math.ceil(n / s) : Math.ceil((n - ek + 1) / s);
}

function padBefore(n: number, out: number, ek: number, s: number, pad: Pad): number {
  return pad === 'SAME' ? Math.floor(Math.max((out - 1) * s + ek - n, 0) / 2) : 0;
}

/** N-d cross-correlation, channels last: x (N, S..., C), k (K..., C, F). */
export function convNd(
  x: Arr,
  k: Arr,
  strides: readonly number[],
  dil: readonly number[],
  pad: Pad,
): Arr {
  const r = x.shape.length - 2;
  const sp = x.shape.slice(1, r + 1);
  const ks = k.shape.slice(0, r);
  const ek = ks.map((kk, i) => (kk - 1) * dil[i]! + 1);
  const os = sp.map((n, i) => outSize(n, ek[i]!, strides[i]!, pad));
  const pb = sp.map((n, i) => padBefore(n, os[i]!, ek[i]!, strides[i]!, pad));
  const [N, C, F] = [x.shape[0]!, x.shape[r + 1]!, k.shape[r + 1]!];
  const out = zeros([N, ...os, F]);
  forEachIndex(out.shape, (o) => {
    let sum = 0;
    forEachIndex([...ks, C], (kc) => {
      const pos = o.slice(1, r + 1).map((v, i) => v * strides[i]! + kc[i]! * dil[i]! - pb[i]!);
      if (pos.some((p, i) => p < 0 || p >= sp[i]!)) return;
      sum += get(x, [o[0]!, ...pos, kc[r]!]) * get(k, [...kc, o[r + 1]!]);
    });
    out.data[offset(out, o)] = sum;
  });
  return out;
}

/** Transposed convolution, channels last: x (N, I..., Cin), k (K..., F, Cin), to spatial size `os`. */
export function convTransposeNd(
  x: Arr,
  k: Arr,
  strides: readonly number[],
  dil: readonly number[],
  pad: Pad,
  os: readonly number[],
): Arr {
  const r = x.shape.length - 2;
  const is = x.shape.slice(1, r + 1);
  const ks = k.shape.slice(0, r);
  const ek = ks.map((kk, i) => (kk - 1) * dil[i]! + 1);
  const pb = os.map((n, i) => padBefore(n, is[i]!, ek[i]!, strides[i]!, pad));
  const [N, F] = [x.shape[0]!, k.shape[r]!];
  const out = zeros([N, ...os, F]);
  forEachIndex(x.shape, (xi) => {
    const v = get(x, xi);
    forEachIndex([...ks, F], (kf) => {
      const pos = xi.slice(1, r + 1).map((p, i) => p * strides[i]! + kf[i]! * dil[i]! - pb[i]!);
      if (pos.some((p, i) => p < 0 || p >= os[i]!)) return;
      const at = offset(out, [xi[0]!, ...pos, kf[r]!]);
      out.data[at] = out.data[at]! + v * get(k, [...kf.slice(0, r), kf[r]!, xi[r + 1]!]);
    });
  });
  return out;
}

/** Depthwise convolution, channels last: x (N, S..., C), k (K..., C, M) -> (N, O..., C * M). */
export function depthwiseNd(
  x: Arr,
  k: Arr,
  strides: readonly number[],
  dil: readonly number[],
  pad: Pad,
): Arr {
  const r = x.shape.length - 2;
  const sp = x.shape.slice(1, r + 1);
  const ks = k.shape.slice(0, r);
  const ek = ks.map((kk, i) => (kk - 1) * dil[i]! + 1);
  const os = sp.map((n, i) => outSize(n, ek[i]!, strides[i]!, pad));
  const pb = sp.map((n, i) => padBefore(n, os[i]!, ek[i]!, strides[i]!, pad));
  const [N, C, M] = [x.shape[0]!, x.shape[r + 1]!, k.shape[r + 1]!];
  const out = zeros([N, ...os, C * M]);
  forEachIndex(out.shape, (o) => {
    const c = Math.floor(o[r + 1]! / M);
    const m = o[r + 1]! % M;
    let sum = 0;
    forEachIndex(ks, (kk) => {
      const pos = o.slice(1, r + 1).map((v, i) => v * strides[i]! + kk[i]! * dil[i]! - pb[i]!);
      if (pos.some((p, i) => p < 0 || p >= sp[i]!)) return;
      sum += get(x, [o[0]!, ...pos, c]) * get(k, [...kk, c, m]);
    });
    out.data[offset(out, o)] = sum;
  });
  return out;
}

/** Max or average pooling, channels last; SAME averages count only the in-range inputs (TF). */
export function poolNd(
  x: Arr,
  size: readonly number[],
  strides: readonly number[],
  pad: Pad,
  mode: 'max' | 'avg',
): Arr {
  const r = x.shape.length - 2;
  const sp = x.shape.slice(1, r + 1);
  const os = sp.map((n, i) => outSize(n, size[i]!, strides[i]!, pad));
  const pb = sp.map((n, i) => padBefore(n, os[i]!, size[i]!, strides[i]!, pad));
  const out = zeros([x.shape[0]!, ...os, x.shape[r + 1]!]);
  forEachIndex(out.shape, (o) => {
    let acc = mode === 'max' ? -Infinity : 0;
    let count = 0;
    forEachIndex(size, (w) => {
      const pos = o.slice(1, r + 1).map((v, i) => v * strides[i]! + w[i]! - pb[i]!);
      if (pos.some((p, i) => p < 0 || p >= sp[i]!)) return;
      const v = get(x, [o[0]!, ...pos, o[r + 1]!]);
      acc = mode === 'max' ? Math.max(acc, v) : acc + v;
      count += 1;
    });
    out.data[offset(out, o)] = mode === 'max' ? acc : acc / count;
  });
  return out;
}

/** Adds bias[c] along the last axis, then an optional activation. */
export function biasAct(
  y: Arr,
  bias: ArrayLike<number> | null,
  act: (v: number) => number = (v) => v,
): Arr {
  const c = y.shape[y.shape.length - 1]!;
  return { shape: y.shape, data: y.data.map((v, i) => act(v + (bias ? bias[i % c]! : 0))) };
}

export const relu = (v: number): number => Math.max(0, v);
