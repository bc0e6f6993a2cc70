import * as tf from '../../../src/index.js';
import type { OpCase } from '../../util/op_cases.js';
import { randomArray } from '../../util/op_cases.js';
import {
  padsFor,
  refConv,
  refConvTranspose,
  refFilterGrad,
  toChannelsFirst,
  type Ref,
} from './reference.js';

/** One convolution configuration, in channels-last terms; rows are built from it per format. */
export interface ConvConfig {
  name: string;
  batch: number;
  spatial: number[];
  inC: number;
  k: number[];
  outC: number;
  strides: number[];
  dil: number[];
  padding: 'SAME' | 'VALID';
  /** Explicit [before, after] padding per spatial axis (then `padding` is ignored). */
  explicit?: [number, number][];
  groups?: number;
  /** Placeholder with an unknown batch dimension. */
  unknownBatch?: boolean;
  seed?: number;
}

const FORMATS: Record<number, [string, string]> = {
  1: ['NWC', 'NCW'],
  2: ['NHWC', 'NCHW'],
  3: ['NDHWC', 'NCDHW'],
};

export interface Prepared {
  xs: number[];
  ws: number[];
  x: Float32Array;
  w: Float32Array;
  pads: [number, number][];
  forward: Ref;
}

export function prepare(c: ConvConfig): Prepared {
  const groups = c.groups ?? 1;
  const xs = [c.batch, ...c.spatial, c.inC];
  const ws = [...c.k, c.inC / groups, c.outC];
  const x = randomArray(
    xs.reduce((a, b) => a * b, 1),
    c.seed ?? 1,
  );
  const w = randomArray(
    ws.reduce((a, b) => a * b, 1),
    (c.seed ?? 1) + 100,
  );
  const pads = c.explicit ?? padsFor(c.padding, c.spatial, c.k, c.strides, c.dil);
  return { xs, ws, x, w, pads, forward: refConv(x, xs, w, ws, c.strides, c.dil, pads) };
}

/** The builder's padding argument: the string, or TF's explicit pairs in the format's layout. */
export function paddingArg(c: ConvConfig, df: string): string | [number, number][] {
  if (!c.explicit) return c.padding;
  const pairs: [number, number][] = [[0, 0], ...c.explicit, [0, 0]];
  return df[1] === 'C' ? [pairs[0]!, pairs[pairs.length - 1]!, ...pairs.slice(1, -1)] : pairs;
}

export function shapeStr(dims: readonly (number | null)[]): string {
  return new tf.TensorShape(dims).toString();
}

/** Reorders a channels-last shape to the format's layout. */
export function layout(shape: number[], channelsFirst: boolean): number[] {
  return channelsFirst ? [shape[0]!, shape[shape.length - 1]!, ...shape.slice(1, -1)] : shape;
}

export function inFormat(r: Ref, channelsFirst: boolean): Ref {
  return channelsFirst ? toChannelsFirst(r) : r;
}

type Builder = (x: tf.Tensor, w: tf.Tensor, c: ConvConfig, df: string) => tf.Tensor;

/** Forward rows (both data formats) for conv2d / conv3d / conv1d / convolution builders. */
export function forwardRows(c: ConvConfig, build: Builder, backend?: string): OpCase[] {
  const p = prepare(c);
  const nd = c.spatial.length;
  return FORMATS[nd]!.map((df, fi): OpCase => {
    const cf = fi === 1;
    const xr = inFormat({ shape: p.xs, values: p.x }, cf);
    const exp = inFormat(p.forward, cf);
    const staticDims: (number | null)[] = [...exp.shape];
    const phShape: (number | null)[] = [...xr.shape];
    if (c.unknownBatch) {
      staticDims[0] = null;
      phShape[0] = null;
    }
    return {
      name: `${c.name} ${df}${backend ? ` (${backend})` : ''}`,
      build: () =>
        build(tf.placeholder('float32', phShape, 'x'), tf.constant(p.w, { shape: p.ws }), c, df),
      feeds: { 'x:0': new tf.NDArray('float32', xr.shape, xr.values) },
      staticShape: shapeStr(staticDims),
      expected: exp,
      tol: 1e-4,
      ...(backend ? { backend } : {}),
    };
  });
}

/** Transposed-convolution rows: dy of the forward output's shape back to the input's shape. */
export function transposeRows(
  c: ConvConfig,
  build: (dy: tf.Tensor, w: tf.Tensor, outShape: number[], c: ConvConfig, df: string) => tf.Tensor,
  backend?: string,
): OpCase[] {
  const p = prepare(c);
  const nd = c.spatial.length;
  const dys = p.forward.shape;
  const dy = randomArray(p.forward.values.length, (c.seed ?? 1) + 200);
  const ref = refConvTranspose(dy, dys, p.w, p.ws, p.xs, c.strides, c.dil, p.pads);
  return FORMATS[nd]!.map((df, fi): OpCase => {
    const cf = fi === 1;
    const dyr = inFormat({ shape: dys, values: dy }, cf);
    const exp = inFormat(ref, cf);
    return {
      name: `${c.name} transpose ${df}${backend ? ` (${backend})` : ''}`,
      build: () =>
        build(
          tf.placeholder('float32', dyr.shape, 'dy'),
          tf.constant(p.w, { shape: p.ws }),
          layout(p.xs, cf),
          c,
          df,
        ),
      feeds: { 'dy:0': new tf.NDArray('float32', dyr.shape, dyr.values) },
      staticShape: shapeStr(exp.shape),
      expected: exp,
      tol: 1e-4,
      ...(backend ? { backend } : {}),
    };
  });
}

/** Filter-gradient rows: x and dy in the format, the [...k, in, out] filter gradient out. */
export function filterRows(
  c: ConvConfig,
  build: (x: tf.Tensor, dy: tf.Tensor, ws: number[], c: ConvConfig, df: string) => tf.Tensor,
  backend?: string,
): OpCase[] {
  const p = prepare(c);
  const nd = c.spatial.length;
  const dys = p.forward.shape;
  const dy = randomArray(p.forward.values.length, (c.seed ?? 1) + 300);
  const ref = refFilterGrad(p.x, p.xs, dy, dys, p.ws, c.strides, c.dil, p.pads);
  return FORMATS[nd]!.map((df, fi): OpCase => {
    const cf = fi === 1;
    const xr = inFormat({ shape: p.xs, values: p.x }, cf);
    const dyr = inFormat({ shape: dys, values: dy }, cf);
    return {
      name: `${c.name} filter grad ${df}${backend ? ` (${backend})` : ''}`,
      build: () =>
        build(
          tf.placeholder('float32', xr.shape, 'x'),
          tf.placeholder('float32', dyr.shape, 'dy'),
          p.ws,
          c,
          df,
        ),
      feeds: {
        'x:0': new tf.NDArray('float32', xr.shape, xr.values),
        'dy:0': new tf.NDArray('float32', dyr.shape, dyr.values),
      },
      staticShape: shapeStr(p.ws),
      expected: ref,
      tol: 1e-4,
      ...(backend ? { backend } : {}),
    };
  });
}
