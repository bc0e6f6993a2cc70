import * as tfc from '@tensorflow/tfjs-core';
import { InvalidArgumentError } from '../../errors.js';
import { NDArray } from '../../graph/ndarray.js';
import { TensorShape } from '../../graph/shape.js';
import { effectiveKernel, resolvePadding } from '../util/conv.js';
import {
  checkAtRuntime,
  concrete,
  convChannelsLast,
  fromChannelsLast,
  padOrCrop,
  padsFor,
  range,
  shapeToChannelsLast,
  spatialOfLast,
  toChannelsLast,
  type Pads,
} from './conv_kernels.js';
import {
  convBackpropFilterShape,
  convBackpropInputShape,
  convGeometry,
  type ConvAttrLike,
} from './conv_shape.js';
import { convBackpropInputSubPixel } from './conv_subpixel.js';
import { filterGradLowering, inputGradLowering, type InputGradImpl } from './lowering.js';

/**
 * The gradients of a convolution, each expressed as a forward convolution (conv_kernels.ts):
 * fast on every backend, and defined where tfjs has no kernel (wasm has no
 * Conv2DBackpropFilter; no tfjs backprop kernel takes dilations).
 */

/** Inserts stride-1 zeros after each element along each spatial axis: [N, ...O, C] -> [N, ...O*s, C]. */
export function upsample(x: tfc.Tensor, strides: readonly number[]): tfc.Tensor {
  let y = x;
  // One axis at a time, as a rank-4 pad: wasm (XNNPACK) pads at most 6 dimensions.
  strides.forEach((s, i) => {
    if (s === 1) return;
    const shape = y.shape;
    const before = shape.slice(0, i + 1).reduce((a, b) => a * b, 1);
    const after = shape.slice(i + 2).reduce((a, b) => a * b, 1);
    const spread = tfc.pad(tfc.reshape(y, [before, shape[i + 1]!, 1, after]), [
      [0, 0],
      [0, 0],
      [0, s - 1],
      [0, 0],
    ]);
    y = tfc.reshape(
      spread,
      shape.map((d, j) => (j === i + 1 ? d * s : d)),
    );
  });
  return y;
}

/**
 * The filter of the transposed convolution: spatially flipped (unless `flip` is false), in/out
 * depth swapped, with the groups of a grouped filter kept apart. w [...k, Cin/g, F] ->
 * [...k, F/g, Cin].
 */
export function transposedFilter(w: tfc.Tensor, groups: number, flip = true): tfc.Tensor {
  const nd = w.rank - 2;
  const ks = w.shape.slice(0, nd);
  const cig = w.shape[nd]!;
  const cog = w.shape[nd + 1]! / groups;
  const flipped = flip ? tfc.reverse(w, range(0, nd)) : w;
  const split = tfc.reshape(flipped, [...ks, cig, groups, cog]);
  const swapped = tfc.transpose(split, [...range(0, nd), nd + 2, nd + 1, nd]);
  return tfc.reshape(swapped, [...ks, cog, groups * cig]);
}

export interface BackpropInputOptions {
  /** The lowering (lowering.ts); 'native' and 'sub-pixel' fall back where they do not apply. */
  impl: InputGradImpl;
  /** The op's padding mode: tfjs' stock kernels take only SAME / VALID for 3-D. */
  padding: string;
}

/**
 * The gradient of a channels-last convolution with respect to its input (a transposed
 * convolution): dy spread by the strides, padded so that every input position sees its full
 * window, then convolved (stride 1, same dilations) with the flipped, depth-swapped filter.
 */
export function convBackpropInputChannelsLast(
  dy: tfc.Tensor,
  w: tfc.Tensor,
  inShape: readonly number[],
  strides: readonly number[],
  dilations: readonly number[],
  pads: Pads,
  opts: BackpropInputOptions,
): tfc.Tensor {
  const nd = strides.length;
  if (dy.size === 0 || w.size === 0 || inShape.some((d) => d === 0)) return tfc.zeros([...inShape]);
  const groups = inShape[nd + 1]! / w.shape[nd]!;
  const ks = w.shape.slice(0, nd);
  const undilated = dilations.every((d) => d === 1);
  if (opts.impl === 'sub-pixel' && nd === 2 && undilated)
    return convBackpropInputSubPixel(
      dy,
      transposedFilter(w, groups, false),
      inShape,
      strides,
      pads,
    );
  if (opts.impl === 'native' && groups === 1 && undilated) {
    if (nd === 2) {
      const pad: [[number, number], [number, number], [number, number], [number, number]] = [
        [0, 0],
        [pads[0]![0], pads[0]![1]],
        [pads[1]![0], pads[1]![1]],
        [0, 0],
      ];
      const shape4 = inShape as [number, number, number, number];
      return tfc.conv2dTranspose(
        dy as tfc.Tensor4D,
        w as tfc.Tensor4D,
        shape4,
        [strides[0]!, strides[1]!],
        pad,
      );
    }
    if (nd === 3 && opts.padding !== 'EXPLICIT') {
      const shape5 = inShape as [number, number, number, number, number];
      const s3: [number, number, number] = [strides[0]!, strides[1]!, strides[2]!];
      return tfc.conv3dTranspose(
        dy as tfc.Tensor5D,
        w as tfc.Tensor5D,
        shape5,
        s3,
        opts.padding === 'SAME' ? 'same' : 'valid',
      );
    }
  }
  const outs = spatialOfLast(dy.shape);
  const inSpatial = spatialOfLast([...inShape]);
  // Input position i reads outputs o with o*s + k*d - before = i; the spread dy has O*s rows.
  const spreadPads = ks.map((k, i): [number, number] => {
    const ek = effectiveKernel(k, dilations[i]!);
    const before = pads[i]![0];
    const s = strides[i]!;
    return [ek - 1 - before, inSpatial[i]! + before - (outs[i]! - 1) * s - 1 - (s - 1)];
  });
  const spread = padOrCrop(upsample(dy, strides), spreadPads);
  const ones = strides.map(() => 1);
  const zeros = strides.map((): [number, number] => [0, 0]);
  return convChannelsLast(spread, transposedFilter(w, groups), ones, dilations, zeros);
}

/**
 * The gradient of a channels-last convolution with respect to its filter, as one forward
 * convolution: the input (batch and depth swapped) convolved with dy (as the filter), the
 * stride becoming the dilation and the dilation the stride. Input rows past the last window
 * (those the strides skip) are cropped first; SAME padding is applied to the input.
 */
export function convBackpropFilterChannelsLast(
  x: tfc.Tensor,
  dy: tfc.Tensor,
  filterShape: readonly number[],
  strides: readonly number[],
  dilations: readonly number[],
  pads: Pads,
): tfc.Tensor {
  const nd = strides.length;
  if (x.size === 0 || dy.size === 0 || filterShape.some((d) => d === 0))
    return tfc.zeros([...filterShape]);
  const groups = x.shape[nd + 1]! / filterShape[nd]!;
  if (groups > 1) {
    const xs = tfc.split(x, groups, nd + 1);
    const dys = tfc.split(dy, groups, nd + 1);
    const part = [...filterShape.slice(0, nd + 1), filterShape[nd + 1]! / groups];
    return tfc.concat(
      xs.map((xi, i) =>
        convBackpropFilterChannelsLast(xi, dys[i]!, part, strides, dilations, pads),
      ),
      nd + 1,
    );
  }
  const outs = spatialOfLast(dy.shape);
  const window = filterShape.slice(0, nd).map((k, i): [number, number] => {
    const need = (k - 1) * dilations[i]! + (outs[i]! - 1) * strides[i]! + 1;
    const before = pads[i]![0];
    return [before, need - x.shape[i + 1]! - before];
  });
  const xt = tfc.transpose(padOrCrop(x, window), [nd + 1, ...range(1, nd + 1), 0]);
  const dyt = tfc.transpose(dy, [...range(1, nd + 1), 0, nd + 1]);
  const zeros = strides.map((): [number, number] => [0, 0]);
  const r = convChannelsLast(xt, dyt, dilations, strides, zeros);
  return tfc.transpose(r, [...range(1, nd + 1), 0, nd + 1]);
}

/** Reads a small int vector input (input_sizes / filter_sizes). */
function readSizes(t: tfc.Tensor, what: string): number[] {
  if (t.rank !== 1)
    throw new InvalidArgumentError(
      `${what} must be 1-dimensional, got shape [${t.shape.join(',')}]`,
    );
  return Array.from(t.dataSync());
}

function sizesInput(v: number[]): { dtype: 'int32'; shape: TensorShape; value: NDArray } {
  return {
    dtype: 'int32',
    shape: new TensorShape([v.length]),
    value: new NDArray('int32', [v.length], Int32Array.from(v)),
  };
}

/** Kernel of Conv2DBackpropInput / Conv3DBackpropInputV2 in any data format. */
export function convBackpropInputKernel(
  opType: 'Conv2DBackpropInput' | 'Conv3DBackpropInputV2',
  sizes: tfc.Tensor,
  w: tfc.Tensor,
  dy: tfc.Tensor,
  a: ConvAttrLike,
  backendName: string,
): tfc.Tensor {
  const v = readSizes(sizes, 'input_sizes');
  const shape = checkAtRuntime(() =>
    convBackpropInputShape(
      opType,
      sizesInput(v),
      concrete(w),
      concrete(dy),
      a,
      opType === 'Conv2DBackpropInput',
    ),
  );
  const g = convGeometry(opType, a);
  const inShape = shapeToChannelsLast(shape.dims as number[], g.df);
  const pads = padsFor(g, spatialOfLast(inShape), w.shape.slice(0, g.nd));
  const impl = inputGradLowering(opType, backendName, a);
  const dx = convBackpropInputChannelsLast(
    toChannelsLast(dy, g.df),
    w,
    inShape,
    g.strides,
    g.dilations,
    pads,
    { impl, padding: g.padding },
  );
  return fromChannelsLast(dx, g.df);
}

/** Kernel of Conv2DBackpropFilter / Conv3DBackpropFilterV2 in any data format. */
export function convBackpropFilterKernel(
  opType: 'Conv2DBackpropFilter' | 'Conv3DBackpropFilterV2',
  x: tfc.Tensor,
  sizes: tfc.Tensor,
  dy: tfc.Tensor,
  a: ConvAttrLike,
  backendName: string,
): tfc.Tensor {
  const v = readSizes(sizes, 'filter_sizes');
  checkAtRuntime(() =>
    convBackpropFilterShape(opType, concrete(x), sizesInput(v), concrete(dy), a),
  );
  const g = convGeometry(opType, a);
  const xl = toChannelsLast(x, g.df);
  const ks = v.slice(0, g.nd);
  const pads = resolvePadding(
    spatialOfLast(xl.shape),
    ks,
    g.strides,
    g.dilations,
    g.padding,
    g.explicit,
  );
  const dyl = toChannelsLast(dy, g.df);
  const groups = xl.shape[g.nd + 1]! / v[g.nd]!;
  if (filterGradLowering(opType, backendName, a) === 'native' && groups === 1)
    return stockFilterGrad(xl, dyl, v, g.strides, g.padding === 'SAME' ? 'same' : 'valid');
  return convBackpropFilterChannelsLast(xl, dyl, v, g.strides, g.dilations, pads);
}

/** tfjs' own channels-last filter-gradient kernel (no dilations, SAME or VALID). */
function stockFilterGrad(
  x: tfc.Tensor,
  dy: tfc.Tensor,
  filterShape: readonly number[],
  strides: readonly number[],
  pad: 'same' | 'valid',
): tfc.Tensor {
  if (x.size === 0 || dy.size === 0) return tfc.zeros([...filterShape]);
  const kernel = strides.length === 2 ? 'Conv2DBackpropFilter' : 'Conv3DBackpropFilterV2';
  const attrs = { strides: [...strides], pad, filterShape: [...filterShape], dataFormat: 'NHWC' };
  return tfc.engine().runKernel(kernel, { x, dy }, attrs) as tfc.Tensor;
}
