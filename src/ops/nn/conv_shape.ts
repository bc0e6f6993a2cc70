import { ValueError } from '../../errors.js';
import { TensorShape, type Dim } from '../../graph/shape.js';
import { attr } from '../core/attr.js';
import type { InferInput } from '../core/define.js';
import { channelAxis, spatialAxes, windowedOutputLength, type Padding } from '../util/conv.js';

/** Attributes of Conv2D, Conv2DBackpropInput and Conv2DBackpropFilter, as TF's op defs list them. */
export const CONV2D_ATTRS = {
  T: attr.type(),
  strides: attr.ints(),
  use_cudnn_on_gpu: attr.bool(true),
  padding: attr.oneOf(['SAME', 'VALID', 'EXPLICIT']),
  explicit_paddings: attr.ints([]),
  data_format: attr.oneOf(['NHWC', 'NCHW'], 'NHWC'),
  dilations: attr.ints([1, 1, 1, 1]),
};

/** Attributes of Conv3D and Conv3DBackpropFilterV2 (Conv3DBackpropInputV2 adds Tshape). */
export const CONV3D_ATTRS = {
  T: attr.type(),
  strides: attr.ints(),
  padding: attr.oneOf(['SAME', 'VALID']),
  data_format: attr.oneOf(['NDHWC', 'NCDHW'], 'NDHWC'),
  dilations: attr.ints([1, 1, 1, 1, 1]),
};

export interface ConvAttrLike {
  readonly strides: readonly number[];
  readonly dilations: readonly number[];
  readonly padding: string;
  readonly data_format: string;
  readonly explicit_paddings?: readonly number[];
}

/** A convolution's settings per spatial axis, validated as TF's kernels validate them. */
export interface ConvGeometry {
  readonly nd: number;
  readonly df: string;
  readonly strides: number[];
  readonly dilations: number[];
  readonly padding: Padding | 'EXPLICIT';
  /** [before, after] for each spatial axis when padding is EXPLICIT, else zeros. */
  readonly explicit: [number, number][];
}

export function convGeometry(opType: string, a: ConvAttrLike): ConvGeometry {
  const df = a.data_format;
  const rank = df.length;
  const c = channelAxis(df);
  if (a.strides.length !== rank)
    throw new ValueError(
      `${opType} requires the stride attribute to contain ${rank} values, but got: ${a.strides.length}`,
    );
  if (a.dilations.length !== rank)
    throw new ValueError(
      `${opType} requires the dilation attribute to contain ${rank} values, but got: ${a.dilations.length}`,
    );
  if (a.strides[0] !== 1 || a.strides[c] !== 1)
    throw new ValueError(
      'Current implementation does not yet support strides in the batch and depth dimensions.',
    );
  if (a.dilations[0] !== 1 || a.dilations[c] !== 1)
    throw new ValueError(
      'Current implementation does not yet support dilations in the batch and depth dimensions.',
    );
  const axes = spatialAxes(df);
  const strides = axes.map((i) => a.strides[i]!);
  const dilations = axes.map((i) => a.dilations[i]!);
  if (strides.some((s) => s < 1))
    throw new ValueError('Row and column strides should be larger than 0.');
  if (dilations.some((d) => d < 1)) throw new ValueError('Dilated rates should be larger than 0.');
  const padding = a.padding as Padding | 'EXPLICIT';
  const ex = a.explicit_paddings ?? [];
  let explicit: [number, number][] = axes.map(() => [0, 0]);
  if (padding === 'EXPLICIT') {
    if (ex.length !== 2 * rank)
      throw new ValueError(
        `explicit_paddings attribute must contain ${2 * rank} values, but got: ${ex.length}`,
      );
    if (ex.some((p) => p < 0))
      throw new ValueError(
        `All explicit padding values must be nonnegative, got [${ex.join(', ')}]`,
      );
    if (ex[0] !== 0 || ex[1] !== 0 || ex[2 * c] !== 0 || ex[2 * c + 1] !== 0) {
      throw new ValueError(
        'Nonzero explicit padding in the batch or depth dimensions is not supported',
      );
    }
    explicit = axes.map((i) => [ex[2 * i]!, ex[2 * i + 1]!]);
  } else if (ex.length > 0) {
    throw new ValueError(
      'explicit_paddings attribute must be empty if the padding attribute is not EXPLICIT',
    );
  }
  return { nd: rank - 2, df, strides, dilations, padding, explicit };
}

/** Assembles a full shape from batch, channels and spatial dims in `df`'s layout. */
export function layoutShape(
  df: string,
  batch: Dim,
  channels: Dim,
  spatial: readonly Dim[],
): TensorShape {
  const dims = new Array<Dim>(df.length).fill(null);
  dims[0] = batch;
  dims[channelAxis(df)] = channels;
  spatialAxes(df).forEach((a, i) => (dims[a] = spatial[i] ?? null));
  return new TensorShape(dims);
}

/** Checks input depth against the filter's in-depth (groups allowed, as TF) and returns the groups. */
export function checkGroups(inDepth: Dim, filterIn: Dim, filterOut: Dim): Dim {
  if (inDepth === null || filterIn === null) return null;
  if (filterIn === 0 || inDepth % filterIn !== 0) {
    throw new ValueError(
      `Depth of input (${inDepth}) is not a multiple of input depth of filter (${filterIn})`,
    );
  }
  const groups = inDepth / filterIn;
  if (filterOut !== null && filterOut % groups !== 0) {
    throw new ValueError(
      `Depth of output (${filterOut}) is not a multiple of the number of groups (${groups})`,
    );
  }
  return groups;
}

/** Static output shape of Conv2D / Conv3D. */
export function convForwardShape(
  opType: string,
  x: InferInput,
  w: InferInput,
  a: ConvAttrLike,
): TensorShape {
  const g = convGeometry(opType, a);
  const rank = g.nd + 2;
  const xs = x.shape.withRankOrThrow(rank, 'input');
  const ws = w.shape.withRankOrThrow(rank, 'filter');
  checkGroups(xs[channelAxis(g.df)]!, ws[g.nd]!, ws[g.nd + 1]!);
  const spatial = spatialAxes(g.df).map((axis, i) =>
    windowedOutputLength(
      xs[axis]!,
      ws[i]!,
      g.strides[i]!,
      g.dilations[i]!,
      g.padding,
      g.explicit[i],
    ),
  );
  return layoutShape(g.df, xs[0]!, ws[g.nd + 1]!, spatial);
}

/**
 * TF's check of a backprop op: the out_backprop's spatial size must be what the forward
 * convolution of `input` with the filter gives.
 */
export function checkBackpropSizes(
  opType: string,
  g: ConvGeometry,
  input: readonly Dim[],
  filter: readonly Dim[],
  dy: readonly Dim[],
): void {
  g.strides.forEach((s, i) => {
    const n = input[i] ?? null;
    const k = filter[i] ?? null;
    const o = dy[i] ?? null;
    if (n === null || k === null || o === null) return;
    const d = g.dilations[i]!;
    let computed: number;
    try {
      computed = windowedOutputLength(n, k, s, d, g.padding, g.explicit[i])!;
    } catch {
      computed = 0;
    }
    if (computed !== o) {
      throw new ValueError(
        `${opType}: Size of out_backprop doesn't match computed: actual = ${o}, computed = ${computed} spatial_dim: ${i + 1} input: ${n} filter: ${k} output: ${o} stride: ${s} dilation: ${d}`,
      );
    }
  });
}

/**
 * What is known of a 1-D int input (input_sizes / filter_sizes) while building: its value, or
 * TF's constant_value_as_shape entries (null where unknown), e.g. stack([shape(x)[0], 14, 14, 1]).
 */
export function knownVector(x: InferInput): Dim[] | null {
  if (x.value !== null) return Array.from(x.value.data as ArrayLike<number>);
  return x.partial ? [...x.partial] : null;
}

/** Static output shape of Conv2DBackpropInput / Conv3DBackpropInputV2. */
export function convBackpropInputShape(
  opType: string,
  sizes: InferInput,
  w: InferInput,
  dy: InferInput,
  a: ConvAttrLike,
  allowSpatialSizes: boolean,
): TensorShape {
  const g = convGeometry(opType, a);
  const rank = g.nd + 2;
  const c = channelAxis(g.df);
  const axes = spatialAxes(g.df);
  const ws = w.shape.withRankOrThrow(rank, 'filter');
  const ds = dy.shape.withRankOrThrow(rank, 'out_backprop');
  sizes.shape.withRankOrThrow(1, 'input_sizes');
  const dyC = ds[c]!;
  const wOut = ws[g.nd + 1]!;
  if (dyC !== null && wOut !== null && dyC !== wOut)
    throw new ValueError(`Dimensions must be equal, but are ${dyC} and ${wOut}`);
  const counts = allowSpatialSizes ? `${rank} values or ${g.nd} values` : `${rank} values`;
  const nSizes = sizes.shape.dim(0);
  if (nSizes !== null && nSizes !== rank && !(allowSpatialSizes && nSizes === g.nd)) {
    throw new ValueError(`${opType} requires input_sizes to contain ${counts}, but got: ${nSizes}`);
  }
  const v = knownVector(sizes);
  if (v === null || (v.length !== rank && v.length !== g.nd)) {
    return layoutShape(
      g.df,
      ds[0]!,
      null,
      axes.map(() => null),
    );
  }
  if (v.some((d) => d !== null && d < 0)) {
    throw new ValueError(`${opType}: input_sizes must be non-negative, got [${v.join(', ')}]`);
  }
  const out: Dim[] =
    v.length === rank ? v : (layoutShape(g.df, ds[0]!, ws[g.nd]!, v).dims as Dim[]);
  // The batch is out_backprop's when input_sizes leaves it unknown.
  if (out[0] === null) out[0] = ds[0]!;
  const inC = out[c]!;
  const wIn = ws[g.nd]!;
  if (inC !== null && wIn !== null) {
    if (wIn === 0 || inC % wIn !== 0)
      throw new ValueError(
        `${opType}: input depth must be evenly divisible by filter depth: ${inC} vs ${wIn}`,
      );
    const groups = inC / wIn;
    if (wOut !== null && wOut % groups !== 0)
      throw new ValueError(
        `${opType}: output depth must be evenly divisible by number of groups: ${wOut} vs ${groups}`,
      );
  }
  checkBackpropSizes(
    opType,
    g,
    axes.map((i) => out[i]!),
    ws.slice(0, g.nd),
    axes.map((i) => ds[i]!),
  );
  return new TensorShape(out);
}

/** Static output shape of Conv2DBackpropFilter / Conv3DBackpropFilterV2. */
export function convBackpropFilterShape(
  opType: string,
  x: InferInput,
  sizes: InferInput,
  dy: InferInput,
  a: ConvAttrLike,
): TensorShape {
  const g = convGeometry(opType, a);
  const rank = g.nd + 2;
  const c = channelAxis(g.df);
  const axes = spatialAxes(g.df);
  const xs = x.shape.withRankOrThrow(rank, 'input');
  const ds = dy.shape.withRankOrThrow(rank, 'out_backprop');
  sizes.shape.withRankOrThrow(1, 'filter_sizes');
  const nSizes = sizes.shape.dim(0);
  if (nSizes !== null && nSizes !== rank)
    throw new ValueError(
      `${opType} requires filter_sizes to contain ${rank} values, but got: ${nSizes}`,
    );
  const v = knownVector(sizes);
  if (v !== null && v.some((d) => d !== null && d < 0)) {
    throw new ValueError(`${opType}: filter_sizes must be non-negative, got [${v.join(', ')}]`);
  }
  const known = v !== null && v.length === rank ? v : new Array<Dim>(rank).fill(null);
  // The filter's out-depth is out_backprop's depth.
  if (known[g.nd + 1] === null) known[g.nd + 1] = ds[c]!;
  const shape = new TensorShape(known);
  const fs = shape.dims!;
  const dyC = ds[c]!;
  if (dyC !== null && fs[g.nd + 1] !== null && dyC !== fs[g.nd + 1])
    throw new ValueError(`Dimensions must be equal, but are ${dyC} and ${fs[g.nd + 1]}`);
  checkGroups(xs[c]!, fs[g.nd]!, fs[g.nd + 1]!);
  checkBackpropSizes(
    opType,
    g,
    axes.map((i) => xs[i]!),
    fs.slice(0, g.nd),
    axes.map((i) => ds[i]!),
  );
  return shape;
}
