import * as tf from '../../../src/index.js';
import { avgPool3dGrad } from '../../../src/ops/nn/avg_pool_3d_grad.js';
import { avgPoolGrad } from '../../../src/ops/nn/avg_pool_grad.js';
import { depthwiseConv2dNativeBackpropFilter } from '../../../src/ops/nn/depthwise_conv2d_native_backprop_filter.js';
import { depthwiseConv2dNativeBackpropInput } from '../../../src/ops/nn/depthwise_conv2d_native_backprop_input.js';
import { maxPool3dGrad } from '../../../src/ops/nn/max_pool_3d_grad.js';
import { maxPool3dGradGrad } from '../../../src/ops/nn/max_pool_3d_grad_grad.js';
import { maxPoolGrad } from '../../../src/ops/nn/max_pool_grad.js';
import { maxPoolGradGrad } from '../../../src/ops/nn/max_pool_grad_grad.js';
import type { PoolAttrs } from '../../../src/ops/nn/pool_kernels.js';
import { randomArray, type OpCase } from '../../util/op_cases.js';
import {
  arr,
  depthwiseBackpropFilterRef,
  depthwiseBackpropInputRef,
  depthwiseRef,
  poolGradRef,
  poolRef,
  toFirst,
  type Arr,
  type DwGeometry,
} from './reference.js';

/** Value rows shared by the cpu tests and the wasm run. */

const fmt = (shape: readonly number[]): string =>
  shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
const size = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);
const c = (x: Arr) => tf.constant(x.data, { shape: x.shape });

/** A channels-last array in the requested layout. */
function layout(x: Arr, channelsFirst: boolean): Arr {
  return channelsFirst ? toFirst(x) : x;
}

export function poolCase(
  kind: 'max' | 'avg',
  dims: 2 | 3,
  channelsFirst: boolean,
  xShapeLast: number[],
  k: number[],
  s: number[],
  padding: 'SAME' | 'VALID',
  seed: number,
  ksizeArg?: number | number[],
  stridesArg?: number | number[],
): OpCase {
  const x = arr(
    xShapeLast,
    randomArray(
      xShapeLast.reduce((a, b) => a * b, 1),
      seed,
      -2,
      2,
    ),
  );
  const want = layout(poolRef(x, k, s, padding, kind), channelsFirst);
  const input = layout(x, channelsFirst);
  const df = dims === 2 ? (channelsFirst ? 'NCHW' : 'NHWC') : channelsFirst ? 'NCDHW' : 'NDHWC';
  const builder =
    dims === 2
      ? kind === 'max'
        ? tf.nn.maxPool
        : tf.nn.avgPool
      : kind === 'max'
        ? tf.nn.maxPool3d
        : tf.nn.avgPool3d;
  return {
    name: `${kind}Pool${dims}d ${df} k${k.join('x')} s${s.join('x')} ${padding} on ${fmt(input.shape)}`,
    build: () =>
      builder(
        tf.constant(input.data, { shape: input.shape }),
        ksizeArg ?? k,
        stridesArg ?? s,
        padding,
        { dataFormat: df },
      ),
    staticShape: fmt(want.shape),
    expected: { shape: want.shape, values: want.data },
  };
}

/** The pooling value rows: odd sizes (uneven SAME padding), strides, both layouts, 2-D and 3-D. */
export function poolValueCases(): OpCase[] {
  const rows: OpCase[] = [];
  for (const kind of ['max', 'avg'] as const) {
    for (const cf of [false, true]) {
      rows.push(poolCase(kind, 2, cf, [1, 5, 7, 2], [3, 3], [2, 2], 'SAME', 1, 3, 2));
      rows.push(poolCase(kind, 2, cf, [2, 4, 6, 3], [2, 2], [2, 2], 'VALID', 2));
      rows.push(poolCase(kind, 2, cf, [1, 6, 5, 2], [2, 3], [1, 2], 'SAME', 3));
      rows.push(poolCase(kind, 2, cf, [1, 4, 4, 1], [3, 3], [1, 1], 'SAME', 4));
      rows.push(poolCase(kind, 3, cf, [1, 3, 4, 5, 2], [2, 2, 2], [2, 2, 2], 'SAME', 5, 2, 2));
      rows.push(poolCase(kind, 3, cf, [2, 3, 5, 4, 1], [2, 3, 2], [1, 2, 1], 'VALID', 6));
      rows.push(poolCase(kind, 3, cf, [1, 3, 3, 4, 2], [3, 2, 3], [1, 1, 2], 'SAME', 7));
    }
  }
  return rows;
}

export function depthwiseCase(
  channelsFirst: boolean,
  xShapeLast: number[],
  fShape: number[],
  g: DwGeometry,
  seed: number,
): OpCase {
  const x = arr(
    xShapeLast,
    randomArray(
      xShapeLast.reduce((a, b) => a * b, 1),
      seed,
    ),
  );
  const f = arr(
    fShape,
    randomArray(
      fShape.reduce((a, b) => a * b, 1),
      seed + 100,
    ),
  );
  const want = layout(depthwiseRef(x, f, g), channelsFirst);
  const input = layout(x, channelsFirst);
  const dataFormat = channelsFirst ? 'NCHW' : 'NHWC';
  return {
    name: `depthwise ${dataFormat} f${fShape.join('x')} s${g.strides.join('x')} d${g.dilations.join('x')} ${g.padding} on ${fmt(input.shape)}`,
    build: () =>
      tf.nn.depthwiseConv2d(
        tf.constant(input.data, { shape: input.shape }),
        tf.constant(f.data, { shape: fShape }),
        g.strides,
        g.padding,
        { rate: g.dilations, dataFormat },
      ),
    staticShape: fmt(want.shape),
    expected: { shape: want.shape, values: want.data },
  };
}

export function depthwiseValueCases(): OpCase[] {
  const rows: OpCase[] = [];
  for (const cf of [false, true]) {
    rows.push(
      depthwiseCase(
        cf,
        [2, 5, 6, 3],
        [3, 3, 3, 1],
        { strides: [1, 1], dilations: [1, 1], padding: 'SAME' },
        11,
      ),
    );
    rows.push(
      depthwiseCase(
        cf,
        [1, 7, 6, 2],
        [3, 2, 2, 3],
        { strides: [2, 2], dilations: [1, 1], padding: 'SAME' },
        12,
      ),
    );
    rows.push(
      depthwiseCase(
        cf,
        [1, 7, 8, 2],
        [3, 3, 2, 2],
        { strides: [1, 1], dilations: [2, 2], padding: 'SAME' },
        13,
      ),
    );
    rows.push(
      depthwiseCase(
        cf,
        [2, 6, 7, 2],
        [2, 3, 2, 2],
        { strides: [2, 1], dilations: [1, 1], padding: 'VALID' },
        14,
      ),
    );
    rows.push(
      depthwiseCase(
        cf,
        [1, 8, 7, 1],
        [3, 2, 1, 2],
        { strides: [1, 1], dilations: [2, 3], padding: 'VALID' },
        15,
      ),
    );
  }
  return rows;
}

type Kind = 'max' | 'avg' | 'maxgradgrad';

/** One pooling-gradient op checked against the loop reference, in either layout. */
export function poolGradCase(
  kind: Kind,
  channelsFirst: boolean,
  xShapeLast: number[],
  k: number[],
  s: number[],
  padding: 'SAME' | 'VALID',
  seed: number,
): OpCase {
  const dims = xShapeLast.length - 2;
  const x = arr(xShapeLast, randomArray(size(xShapeLast), seed, -2, 2));
  const yShape = poolRef(x, k, s, padding, 'max').shape;
  const g = arr(
    kind === 'maxgradgrad' ? xShapeLast : yShape,
    randomArray(size(kind === 'maxgradgrad' ? xShapeLast : yShape), seed + 1),
  );
  const want = poolGradRef(x, g, k, s, padding, kind);
  const L = (a: Arr): Arr => (channelsFirst ? toFirst(a) : a);
  const df = dims === 2 ? (channelsFirst ? 'NCHW' : 'NHWC') : channelsFirst ? 'NCDHW' : 'NDHWC';
  const full = (v: number[]): number[] => (channelsFirst ? [1, 1, ...v] : [1, ...v, 1]);
  const attrs: PoolAttrs = { ksize: full(k), strides: full(s), padding, data_format: df };
  const xIn = L(x);
  const gIn = L(g);
  const out = L(want);
  const build = (): tf.Tensor => {
    const pool = (t: tf.Tensor) =>
      dims === 2
        ? tf.nn.maxPool(t, full(k), full(s), padding, { dataFormat: df })
        : tf.nn.maxPool3d(t, full(k), full(s), padding, { dataFormat: df });
    if (kind === 'avg')
      return dims === 2
        ? avgPoolGrad(Int32Array.from(xIn.shape), c(gIn), attrs)
        : avgPool3dGrad(Int32Array.from(xIn.shape), c(gIn), attrs);
    const xt = c(xIn);
    if (kind === 'max')
      return dims === 2
        ? maxPoolGrad(xt, pool(xt), c(gIn), attrs)
        : maxPool3dGrad(xt, pool(xt), c(gIn), attrs);
    return dims === 2
      ? maxPoolGradGrad(xt, pool(xt), c(gIn), attrs)
      : maxPool3dGradGrad(xt, pool(xt), c(gIn), attrs);
  };
  return {
    name: `${kind} pool grad ${df} k${k.join('x')} s${s.join('x')} ${padding} on ${fmt(xIn.shape)}`,
    build,
    staticShape: fmt(out.shape),
    expected: { shape: out.shape, values: out.data },
  };
}

const fullOf = (v: [number, number], cf: boolean): number[] => (cf ? [1, 1, ...v] : [1, ...v, 1]);

/** Backprop rows: the op is built directly (as tf.gradients builds it) and checked against loops. */
export function depthwiseBackpropCases(
  cf: boolean,
  xShape: number[],
  fShape: number[],
  g: DwGeometry,
  seed: number,
): OpCase[] {
  const x = arr(xShape, randomArray(size(xShape), seed));
  const f = arr(fShape, randomArray(size(fShape), seed + 1));
  const yShape = depthwiseRef(x, f, g).shape;
  const dy = arr(yShape, randomArray(size(yShape), seed + 2));
  const dx = depthwiseBackpropInputRef(xShape, f, dy, g);
  const dF = depthwiseBackpropFilterRef(x, fShape, dy, g);
  const df = cf ? 'NCHW' : 'NHWC';
  const attrs = {
    strides: fullOf(g.strides, cf),
    dilations: fullOf(g.dilations, cf),
    padding: g.padding,
    data_format: df,
  };
  const inX = cf ? toFirst(x) : x;
  const inDy = cf ? toFirst(dy) : dy;
  const wantDx = cf ? toFirst(dx) : dx;
  const tag = `${df} f${fShape.join('x')} s${g.strides.join('x')} d${g.dilations.join('x')} ${g.padding}`;
  return [
    {
      name: `DepthwiseConv2dNativeBackpropInput ${tag}`,
      build: () =>
        depthwiseConv2dNativeBackpropInput(
          Int32Array.from(inX.shape),
          tf.constant(f.data, { shape: fShape }),
          tf.constant(inDy.data, { shape: inDy.shape }),
          attrs,
        ),
      staticShape: fmt(inX.shape),
      expected: { shape: inX.shape, values: wantDx.data },
      tol: 1e-4,
    },
    {
      name: `DepthwiseConv2dNativeBackpropFilter ${tag}`,
      build: () =>
        depthwiseConv2dNativeBackpropFilter(
          tf.constant(inX.data, { shape: inX.shape }),
          Int32Array.from(fShape),
          tf.constant(inDy.data, { shape: inDy.shape }),
          attrs,
        ),
      staticShape: fmt(fShape),
      expected: { shape: fShape, values: dF.data },
      tol: 1e-4,
    },
  ];
}
