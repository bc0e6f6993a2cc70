/**
 * Independent references for the convolution tests: explicit loops over channels-last data
 * with any number of spatial axes, grouped filters, strides, dilations and [before, after]
 * padding. Nothing here uses tfjs or the code under test.
 */

export interface Ref {
  shape: number[];
  values: Float32Array;
}

export type PadPairs = [number, number][];

const prod = (a: readonly number[]): number => a.reduce((x, y) => x * y, 1);

/** Row-major strides of a shape. */
function stridesOf(shape: readonly number[]): number[] {
  const out = new Array<number>(shape.length).fill(1);
  for (let i = shape.length - 2; i >= 0; i--) out[i] = out[i + 1]! * shape[i + 1]!;
  return out;
}

/** Every multi-index of `shape`, in row-major order. */
function* indices(shape: readonly number[]): Generator<number[]> {
  const n = prod(shape);
  const idx = new Array<number>(shape.length).fill(0);
  for (let k = 0; k < n; k++) {
    yield [...idx];
    for (let a = shape.length - 1; a >= 0; a--) {
      idx[a]!++;
      if (idx[a]! < shape[a]!) break;
      idx[a] = 0;
    }
  }
}

/** TF's SAME padding for one axis, written out independently. */
export function samePads(n: number, k: number, s: number, d: number): [number, number] {
  const ek = (k - 1) * d + 1;
  const out = Math.ceil(n / s);
  const total = Math.max((out - 1) * s + ek - n, 0);
  return [Math.floor(total / 2), total - Math.floor(total / 2)];
}

export function padsFor(
  padding: 'SAME' | 'VALID',
  spatial: number[],
  ks: number[],
  strides: number[],
  dil: number[],
): PadPairs {
  return spatial.map((n, i) =>
    padding === 'SAME' ? samePads(n, ks[i]!, strides[i]!, dil[i]!) : [0, 0],
  );
}

export function outSize(n: number, k: number, s: number, d: number, pad: [number, number]): number {
  return Math.floor((n + pad[0] + pad[1] - ((k - 1) * d + 1)) / s) + 1;
}

/** Forward convolution: x [N, ...S, C], w [...K, C/g, F] -> [N, ...O, F]. */
export function refConv(
  x: ArrayLike<number>,
  xs: number[],
  w: ArrayLike<number>,
  ws: number[],
  strides: number[],
  dil: number[],
  pads: PadPairs,
): Ref {
  const nd = xs.length - 2;
  const C = xs[nd + 1]!;
  const cig = ws[nd]!;
  const F = ws[nd + 1]!;
  const groups = C / cig;
  const cog = F / groups;
  const ks = ws.slice(0, nd);
  const os = xs.slice(1, nd + 1).map((n, i) => outSize(n, ks[i]!, strides[i]!, dil[i]!, pads[i]!));
  const shape = [xs[0]!, ...os, F];
  const out = new Float32Array(prod(shape));
  const xst = stridesOf(xs);
  const wst = stridesOf(ws);
  let o = 0;
  for (const idx of indices(shape)) {
    const n = idx[0]!;
    const f = idx[nd + 1]!;
    const grp = Math.floor(f / cog);
    let acc = 0;
    for (const kidx of indices(ks)) {
      let xoff = n * xst[0]!;
      let inside = true;
      for (let a = 0; a < nd; a++) {
        const p = idx[a + 1]! * strides[a]! + kidx[a]! * dil[a]! - pads[a]![0];
        if (p < 0 || p >= xs[a + 1]!) inside = false;
        xoff += p * xst[a + 1]!;
      }
      if (!inside) continue;
      let woff = 0;
      for (let a = 0; a < nd; a++) woff += kidx[a]! * wst[a]!;
      for (let ci = 0; ci < cig; ci++) acc += x[xoff + grp * cig + ci]! * w[woff + ci * F + f]!;
    }
    out[o++] = acc;
  }
  return { shape, values: out };
}

/** Transposed convolution by scattering each dy element over its window: dy [N, ...O, F] -> [N, ...S, C]. */
export function refConvTranspose(
  dy: ArrayLike<number>,
  dys: number[],
  w: ArrayLike<number>,
  ws: number[],
  inShape: number[],
  strides: number[],
  dil: number[],
  pads: PadPairs,
): Ref {
  const nd = dys.length - 2;
  const cig = ws[nd]!;
  const F = ws[nd + 1]!;
  const groups = inShape[nd + 1]! / cig;
  const cog = F / groups;
  const ks = ws.slice(0, nd);
  const out = new Float32Array(prod(inShape));
  const ist = stridesOf(inShape);
  const wst = stridesOf(ws);
  let d = 0;
  for (const idx of indices(dys)) {
    const g = dy[d++]!;
    const f = idx[nd + 1]!;
    const grp = Math.floor(f / cog);
    for (const kidx of indices(ks)) {
      let off = idx[0]! * ist[0]!;
      let inside = true;
      for (let a = 0; a < nd; a++) {
        const p = idx[a + 1]! * strides[a]! + kidx[a]! * dil[a]! - pads[a]![0];
        if (p < 0 || p >= inShape[a + 1]!) inside = false;
        off += p * ist[a + 1]!;
      }
      if (!inside) continue;
      let woff = 0;
      for (let a = 0; a < nd; a++) woff += kidx[a]! * wst[a]!;
      for (let ci = 0; ci < cig; ci++) out[off + grp * cig + ci]! += g * w[woff + ci * F + f]!;
    }
  }
  return { shape: [...inShape], values: out };
}

/** The filter gradient: sum over batch and outputs of x(window) * dy. */
export function refFilterGrad(
  x: ArrayLike<number>,
  xs: number[],
  dy: ArrayLike<number>,
  dys: number[],
  ws: number[],
  strides: number[],
  dil: number[],
  pads: PadPairs,
): Ref {
  const nd = xs.length - 2;
  const cig = ws[nd]!;
  const F = ws[nd + 1]!;
  const groups = xs[nd + 1]! / cig;
  const cog = F / groups;
  const ks = ws.slice(0, nd);
  const out = new Float32Array(prod(ws));
  const xst = stridesOf(xs);
  const wst = stridesOf(ws);
  let d = 0;
  for (const idx of indices(dys)) {
    const g = dy[d++]!;
    const f = idx[nd + 1]!;
    const grp = Math.floor(f / cog);
    for (const kidx of indices(ks)) {
      let off = idx[0]! * xst[0]!;
      let inside = true;
      for (let a = 0; a < nd; a++) {
        const p = idx[a + 1]! * strides[a]! + kidx[a]! * dil[a]! - pads[a]![0];
        if (p < 0 || p >= xs[a + 1]!) inside = false;
        off += p * xst[a + 1]!;
      }
      if (!inside) continue;
      let woff = 0;
      for (let a = 0; a < nd; a++) woff += kidx[a]! * wst[a]!;
      for (let ci = 0; ci < cig; ci++) out[woff + ci * F + f]! += g * x[off + grp * cig + ci]!;
    }
  }
  return { shape: [...ws], values: out };
}

/** Permutes row-major data: out.shape[i] = shape[perm[i]]. */
export function permute(data: ArrayLike<number>, shape: number[], perm: number[]): Ref {
  const outShape = perm.map((p) => shape[p]!);
  const st = stridesOf(shape);
  const out = new Float32Array(data.length);
  let o = 0;
  for (const idx of indices(outShape)) {
    let off = 0;
    idx.forEach((v, i) => (off += v * st[perm[i]!]!));
    out[o++] = data[off]!;
  }
  return { shape: outShape, values: out };
}

/** Channels-last data to channels-first (NHWC -> NCHW, NDHWC -> NCDHW, NWC -> NCW). */
export function toChannelsFirst(r: Ref): Ref {
  const rank = r.shape.length;
  return permute(r.values, r.shape, [
    0,
    rank - 1,
    ...Array.from({ length: rank - 2 }, (_, i) => i + 1),
  ]);
}
