/**
 * Explicit-loop references for pooling, bias add and depthwise convolution, written from TF's
 * definitions (not from src/): SAME pads (k - 1 + ...) with the odd cell after, max ignores
 * padding, average divides by the in-bounds cells only.
 */

export interface Arr {
  shape: number[];
  data: Float32Array;
}

export function arr(shape: number[], data: ArrayLike<number>): Arr {
  return { shape, data: Float32Array.from(data) };
}

const strides = (shape: readonly number[]): number[] =>
  shape.map((_, i) => shape.slice(i + 1).reduce((a, b) => a * b, 1));

/** Channels-first (N, C, ...spatial) to channels-last (N, ...spatial, C), by index arithmetic. */
export function toLast(x: Arr): Arr {
  const [n, c, ...sp] = x.shape as [number, number, ...number[]];
  const out = new Float32Array(x.data.length);
  const spSize = sp.reduce((a, b) => a * b, 1);
  for (let b = 0; b < n; b++)
    for (let ch = 0; ch < c; ch++)
      for (let p = 0; p < spSize; p++)
        out[(b * spSize + p) * c + ch] = x.data[(b * c + ch) * spSize + p]!;
  return { shape: [n, ...sp, c], data: out };
}

export function toFirst(x: Arr): Arr {
  const n = x.shape[0]!;
  const c = x.shape[x.shape.length - 1]!;
  const sp = x.shape.slice(1, -1);
  const out = new Float32Array(x.data.length);
  const spSize = sp.reduce((a, b) => a * b, 1);
  for (let b = 0; b < n; b++)
    for (let ch = 0; ch < c; ch++)
      for (let p = 0; p < spSize; p++)
        out[(b * c + ch) * spSize + p] = x.data[(b * spSize + p) * c + ch]!;
  return { shape: [n, c, ...sp], data: out };
}

/** TF's output length and leading pad of one spatial axis. */
export function axisGeometry(
  n: number,
  k: number,
  s: number,
  d: number,
  padding: 'SAME' | 'VALID',
): { out: number; before: number } {
  const ek = (k - 1) * d + 1;
  if (padding === 'VALID') return { out: Math.floor((n - ek) / s) + 1, before: 0 };
  const out = Math.ceil(n / s);
  const total = Math.max((out - 1) * s + ek - n, 0);
  return { out, before: Math.floor(total / 2) };
}

/** Every output position of a window op over channels-last spatial dims, with its in-bounds cells. */
function windows(
  sp: number[],
  k: number[],
  s: number[],
  d: number[],
  padding: 'SAME' | 'VALID',
): { outShape: number[]; cells: number[][][] } {
  const geo = sp.map((n, i) => axisGeometry(n, k[i]!, s[i]!, d[i]!, padding));
  const outShape = geo.map((g) => g.out);
  const outSize = outShape.reduce((a, b) => a * b, 1);
  const kSize = k.reduce((a, b) => a * b, 1);
  const cells: number[][][] = [];
  for (let o = 0; o < outSize; o++) {
    const oIdx = unravel(o, outShape);
    const list: number[][] = [];
    for (let t = 0; t < kSize; t++) {
      const tIdx = unravel(t, k);
      const pos = oIdx.map((oi, i) => oi * s[i]! - geo[i]!.before + tIdx[i]! * d[i]!);
      if (pos.every((p, i) => p >= 0 && p < sp[i]!)) list.push(pos);
    }
    cells.push(list);
  }
  return { outShape, cells };
}

function unravel(flat: number, shape: readonly number[]): number[] {
  const idx = new Array<number>(shape.length);
  for (let i = shape.length - 1; i >= 0; i--) {
    idx[i] = flat % shape[i]!;
    flat = Math.floor(flat / shape[i]!);
  }
  return idx;
}

function spatialOffset(pos: number[], sp: number[]): number {
  return pos.reduce((acc, p, i) => acc * sp[i]! + p, 0);
}

/** Max or average pooling of a channels-last tensor (any number of spatial axes). */
export function poolRef(
  x: Arr,
  k: number[],
  s: number[],
  padding: 'SAME' | 'VALID',
  kind: 'max' | 'avg',
): Arr {
  const [n, ...rest] = x.shape;
  const c = rest[rest.length - 1]!;
  const sp = rest.slice(0, -1);
  const spSize = sp.reduce((a, b) => a * b, 1);
  const { outShape, cells } = windows(
    sp,
    k,
    s,
    k.map(() => 1),
    padding,
  );
  const out = new Float32Array(n! * cells.length * c);
  for (let b = 0; b < n!; b++) {
    cells.forEach((list, o) => {
      for (let ch = 0; ch < c; ch++) {
        const vals = list.map((pos) => x.data[(b * spSize + spatialOffset(pos, sp)) * c + ch]!);
        out[(b * cells.length + o) * c + ch] =
          kind === 'max' ? Math.max(...vals) : vals.reduce((a, v) => a + v, 0) / vals.length;
      }
    });
  }
  return { shape: [n!, ...outShape, c], data: out };
}

/**
 * The pooling gradients, channels-last: 'max' routes dy to the first maximum of each window
 * (row-major order), 'avg' spreads dy / count; 'maxgradgrad' reads g (input-shaped) at the
 * first maximum.
 */
export function poolGradRef(
  x: Arr,
  dyOrG: Arr,
  k: number[],
  s: number[],
  padding: 'SAME' | 'VALID',
  kind: 'max' | 'avg' | 'maxgradgrad',
): Arr {
  const [n, ...rest] = x.shape;
  const c = rest[rest.length - 1]!;
  const sp = rest.slice(0, -1);
  const spSize = sp.reduce((a, b) => a * b, 1);
  const { outShape, cells } = windows(
    sp,
    k,
    s,
    k.map(() => 1),
    padding,
  );
  const dx = new Float32Array(kind === 'maxgradgrad' ? n! * cells.length * c : x.data.length);
  for (let b = 0; b < n!; b++) {
    cells.forEach((list, o) => {
      for (let ch = 0; ch < c; ch++) {
        const at = (pos: number[]): number => (b * spSize + spatialOffset(pos, sp)) * c + ch;
        const outAt = (b * cells.length + o) * c + ch;
        if (kind === 'avg') {
          for (const pos of list) dx[at(pos)]! += dyOrG.data[outAt]! / list.length;
          continue;
        }
        let best = list[0]!;
        for (const pos of list) if (x.data[at(pos)]! > x.data[at(best)]!) best = pos;
        if (kind === 'max') dx[at(best)]! += dyOrG.data[outAt]!;
        else dx[outAt] = dyOrG.data[at(best)]!;
      }
    });
  }
  return { shape: kind === 'maxgradgrad' ? [n!, ...outShape, c] : [...x.shape], data: dx };
}

/** value + bias along `axis`. */
export function biasAddRef(x: Arr, bias: ArrayLike<number>, axis: number): Arr {
  const st = strides(x.shape);
  const out = x.data.map((v, i) => v + bias[Math.floor(i / st[axis]!) % x.shape[axis]!]!);
  return { shape: [...x.shape], data: out };
}

/** Sum of g over every axis but `axis`. */
export function biasAddGradRef(g: Arr, axis: number): Float32Array {
  const st = strides(g.shape);
  const out = new Float32Array(g.shape[axis]!);
  g.data.forEach((v, i) => (out[Math.floor(i / st[axis]!) % g.shape[axis]!]! += v));
  return out;
}

export interface DwGeometry {
  strides: [number, number];
  dilations: [number, number];
  padding: 'SAME' | 'VALID';
}

/** Visits every (output, input, filter) triple of a channels-last depthwise convolution. */
function depthwiseVisit(
  xShape: number[],
  fShape: number[],
  g: DwGeometry,
  visit: (yAt: number, xAt: number, fAt: number) => void,
): number[] {
  const [n, h, w, c] = xShape as [number, number, number, number];
  const [kh, kw, , m] = fShape as [number, number, number, number];
  const gh = axisGeometry(h, kh, g.strides[0], g.dilations[0], g.padding);
  const gw = axisGeometry(w, kw, g.strides[1], g.dilations[1], g.padding);
  for (let b = 0; b < n; b++)
    for (let oh = 0; oh < gh.out; oh++)
      for (let ow = 0; ow < gw.out; ow++)
        for (let ch = 0; ch < c; ch++)
          for (let mm = 0; mm < m; mm++)
            for (let i = 0; i < kh; i++)
              for (let j = 0; j < kw; j++) {
                const ih = oh * g.strides[0] - gh.before + i * g.dilations[0];
                const iw = ow * g.strides[1] - gw.before + j * g.dilations[1];
                if (ih < 0 || ih >= h || iw < 0 || iw >= w) continue;
                visit(
                  (((b * gh.out + oh) * gw.out + ow) * c + ch) * m + mm,
                  ((b * h + ih) * w + iw) * c + ch,
                  ((i * kw + j) * c + ch) * m + mm,
                );
              }
  return [n, gh.out, gw.out, c * m];
}

export function depthwiseRef(x: Arr, f: Arr, g: DwGeometry): Arr {
  const probe = depthwiseVisit(x.shape, f.shape, g, () => undefined);
  const y = new Float32Array(probe.reduce((a, b) => a * b, 1));
  depthwiseVisit(x.shape, f.shape, g, (yi, xi, fi) => (y[yi]! += x.data[xi]! * f.data[fi]!));
  return { shape: probe, data: y };
}

export function depthwiseBackpropInputRef(xShape: number[], f: Arr, dy: Arr, g: DwGeometry): Arr {
  const dx = new Float32Array(xShape.reduce((a, b) => a * b, 1));
  depthwiseVisit(xShape, f.shape, g, (yi, xi, fi) => (dx[xi]! += dy.data[yi]! * f.data[fi]!));
  return { shape: [...xShape], data: dx };
}

export function depthwiseBackpropFilterRef(x: Arr, fShape: number[], dy: Arr, g: DwGeometry): Arr {
  const df = new Float32Array(fShape.reduce((a, b) => a * b, 1));
  depthwiseVisit(x.shape, fShape, g, (yi, xi, fi) => (df[fi]! += dy.data[yi]! * x.data[xi]!));
  return { shape: [...fShape], data: df };
}

/** A 1x1 convolution (matrix product over channels) of a channels-last tensor. */
export function pointwiseRef(x: Arr, w: Arr): Arr {
  const cin = x.shape[x.shape.length - 1]!;
  const cout = w.shape[3]!;
  const rows = x.data.length / cin;
  const out = new Float32Array(rows * cout);
  for (let r = 0; r < rows; r++)
    for (let o = 0; o < cout; o++)
      for (let i = 0; i < cin; i++)
        out[r * cout + o]! += x.data[r * cin + i]! * w.data[i * cout + o]!;
  return { shape: [...x.shape.slice(0, -1), cout], data: out };
}
