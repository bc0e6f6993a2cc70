import * as tfc from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '../../../src/index.js';
import { Conv2DBackpropFilter } from '../../../src/ops/nn/conv2d_backprop_filter.js';
import { Conv2DBackpropInput } from '../../../src/ops/nn/conv2d_backprop_input.js';
import { Conv3DBackpropFilterV2 } from '../../../src/ops/nn/conv3d_backprop_filter_v2.js';
import { Conv3DBackpropInputV2 } from '../../../src/ops/nn/conv3d_backprop_input_v2.js';
import { convBackpropInputKernel } from '../../../src/ops/nn/conv_backprop_kernels.js';
import {
  filterGradLowering,
  inputGradLowering,
  LOWERING,
  loweringChoice,
  type LoweredOp,
} from '../../../src/ops/nn/lowering.js';
import { expectClose, randomArray, runOpCase } from '../../util/op_cases.js';
import { transposeRows, type ConvConfig } from './cases.js';
import { outSize, padsFor, refConvTranspose, toChannelsFirst } from './reference.js';

/**
 * Per-backend lowering: the sub-pixel transposed convolution against the scatter loop on cpu
 * and wasm (odd/even sizes, SAME/VALID/explicit, strides 1-3, both data formats), the table's
 * choices and their fallbacks, and that each backend really runs the implementation chosen.
 */

interface SubCase {
  name: string;
  batch: number;
  spatial: [number, number];
  inC: number;
  k: [number, number];
  outC: number;
  strides: [number, number];
  padding: 'SAME' | 'VALID';
  explicit?: [number, number][];
  groups?: number;
}

const CASES: SubCase[] = [
  {
    name: 'odd 7x7, 3x3 s2 SAME',
    batch: 2,
    spatial: [7, 7],
    inC: 2,
    k: [3, 3],
    outC: 3,
    strides: [2, 2],
    padding: 'SAME',
  },
  {
    name: 'even 8x8, 3x3 s2 SAME',
    batch: 1,
    spatial: [8, 8],
    inC: 3,
    k: [3, 3],
    outC: 2,
    strides: [2, 2],
    padding: 'SAME',
  },
  {
    name: 'W1-like 12x12, 5x5 s2 SAME',
    batch: 2,
    spatial: [12, 12],
    inC: 2,
    k: [5, 5],
    outC: 4,
    strides: [2, 2],
    padding: 'SAME',
  },
  {
    name: 'even kernel 4x2 s2 SAME',
    batch: 1,
    spatial: [8, 9],
    inC: 2,
    k: [4, 2],
    outC: 2,
    strides: [2, 2],
    padding: 'SAME',
  },
  {
    name: 'VALID s2 odd 9x8',
    batch: 2,
    spatial: [9, 8],
    inC: 2,
    k: [3, 3],
    outC: 2,
    strides: [2, 2],
    padding: 'VALID',
  },
  {
    name: 'VALID s3 with skipped remainder rows',
    batch: 1,
    spatial: [11, 10],
    inC: 2,
    k: [2, 3],
    outC: 2,
    strides: [3, 3],
    padding: 'VALID',
  },
  {
    name: 'SAME s3 odd 10x11',
    batch: 1,
    spatial: [10, 11],
    inC: 1,
    k: [5, 4],
    outC: 3,
    strides: [3, 3],
    padding: 'SAME',
  },
  {
    name: 'stride 3 > kernel 2 (phases without taps)',
    batch: 1,
    spatial: [9, 7],
    inC: 2,
    k: [2, 2],
    outC: 2,
    strides: [3, 3],
    padding: 'SAME',
  },
  {
    name: 'kernel 1 stride 2 VALID',
    batch: 2,
    spatial: [7, 6],
    inC: 3,
    k: [1, 1],
    outC: 2,
    strides: [2, 2],
    padding: 'VALID',
  },
  {
    name: 'mixed strides (2, 3) SAME',
    batch: 1,
    spatial: [9, 10],
    inC: 2,
    k: [3, 5],
    outC: 2,
    strides: [2, 3],
    padding: 'SAME',
  },
  {
    name: 'mixed strides (1, 2) VALID',
    batch: 2,
    spatial: [6, 7],
    inC: 2,
    k: [3, 3],
    outC: 2,
    strides: [1, 2],
    padding: 'VALID',
  },
  {
    name: 'stride 1 SAME 5x5',
    batch: 1,
    spatial: [6, 5],
    inC: 2,
    k: [5, 5],
    outC: 3,
    strides: [1, 1],
    padding: 'SAME',
  },
  {
    name: 'explicit padding (1, 2), (0, 1), s2',
    batch: 1,
    spatial: [7, 8],
    inC: 2,
    k: [3, 3],
    outC: 2,
    strides: [2, 2],
    padding: 'VALID',
    explicit: [
      [1, 2],
      [0, 1],
    ],
  },
  {
    name: 'grouped filter (2 groups) s2 SAME',
    batch: 1,
    spatial: [7, 6],
    inC: 4,
    k: [3, 3],
    outC: 4,
    strides: [2, 2],
    padding: 'SAME',
    groups: 2,
  },
];

interface Prepared {
  dy: Float32Array;
  dys: number[];
  w: Float32Array;
  ws: number[];
  xs: number[];
  expected: { shape: number[]; values: Float32Array };
}

function prepare(c: SubCase, seed: number): Prepared {
  const groups = c.groups ?? 1;
  const xs = [c.batch, ...c.spatial, c.inC];
  const ws = [...c.k, c.inC / groups, c.outC];
  const pads = c.explicit ?? padsFor(c.padding, c.spatial, c.k, c.strides, [1, 1]);
  const os = c.spatial.map((n, i) => outSize(n, c.k[i]!, c.strides[i]!, 1, pads[i]!));
  const dys = [c.batch, ...os, c.outC];
  const dy = randomArray(
    dys.reduce((a, b) => a * b, 1),
    seed,
  );
  const w = randomArray(
    ws.reduce((a, b) => a * b, 1),
    seed + 1,
  );
  const expected = refConvTranspose(dy, dys, w, ws, xs, c.strides, [1, 1], pads);
  return { dy, dys, w, ws, xs, expected };
}

/** The op's attrs for one data format, as the builder would canonicalise them. */
function attrsFor(
  c: SubCase,
  cf: boolean,
): {
  strides: number[];
  dilations: number[];
  padding: string;
  data_format: string;
  explicit_paddings: number[];
} {
  const [sh, sw] = c.strides;
  const ex = c.explicit;
  const exFull = ex ? (cf ? [0, 0, 0, 0, ...ex.flat()] : [0, 0, ...ex.flat(), 0, 0]) : [];
  return {
    strides: cf ? [1, 1, sh, sw] : [1, sh, sw, 1],
    dilations: [1, 1, 1, 1],
    padding: ex ? 'EXPLICIT' : c.padding,
    data_format: cf ? 'NCHW' : 'NHWC',
    explicit_paddings: exFull,
  };
}

/** Runs the Conv2DBackpropInput kernel with the lowering `loweringBackend` picks, on the active backend. */
function runKernel(c: SubCase, p: Prepared, cf: boolean, loweringBackend: string): Float32Array {
  const dyr = cf ? toChannelsFirst({ shape: p.dys, values: p.dy }) : { shape: p.dys, values: p.dy };
  const sizes = cf ? toChannelsFirst({ shape: p.xs, values: new Float32Array(0) }).shape : p.xs;
  return tfc.tidy(
    () =>
      convBackpropInputKernel(
        'Conv2DBackpropInput',
        tfc.tensor1d(sizes, 'int32'),
        tfc.tensor(p.w, p.ws),
        tfc.tensor(dyr.values, dyr.shape),
        attrsFor(c, cf),
        loweringBackend,
      ).dataSync() as Float32Array,
  );
}

const BACKENDS = ['cpu', 'wasm'];

beforeAll(async () => {
  await tfc.setBackend('wasm');
  await tfc.setBackend('cpu');
});

afterAll(async () => {
  await tfc.setBackend('cpu');
});

describe('sub-pixel Conv2DBackpropInput vs the scatter loop', () => {
  for (const backend of BACKENDS) {
    for (const [ci, c] of CASES.entries()) {
      for (const cf of [false, true]) {
        it(`${c.name} ${cf ? 'NCHW' : 'NHWC'} (${backend})`, async () => {
          await tfc.setBackend(backend);
          const p = prepare(c, 31 + ci);
          const before = tfc.memory().numTensors;
          // 'wasm' selects the sub-pixel lowering whatever backend computes it.
          const got = runKernel(c, p, cf, 'wasm');
          expect(tfc.memory().numTensors).toBe(before);
          const exp = cf ? toChannelsFirst(p.expected) : p.expected;
          expect(got.length).toBe(exp.values.length);
          expectClose(got, exp.values, 1e-4, c.name);
        });
      }
    }
  }
});

describe('the table picks per backend, with fallbacks', () => {
  const plain = { dilations: [1, 1, 1, 1], padding: 'SAME' };
  const dilated = { dilations: [1, 2, 2, 1], padding: 'SAME' };

  it('Conv2DBackpropInput: sub-pixel on wasm, native on cpu and webgl', () => {
    expect(inputGradLowering('Conv2DBackpropInput', 'wasm', plain)).toBe('sub-pixel');
    expect(inputGradLowering('Conv2DBackpropInput', 'cpu', plain)).toBe('native');
    expect(inputGradLowering('Conv2DBackpropInput', 'webgl', plain)).toBe('native');
    expect(inputGradLowering('Conv2DBackpropInput', 'tensorflow', plain)).toBe('native');
  });

  it('dilations fall back to zero-insertion (neither native nor sub-pixel takes them)', () => {
    expect(inputGradLowering('Conv2DBackpropInput', 'wasm', dilated)).toBe('zero-insertion');
    expect(inputGradLowering('Conv2DBackpropInput', 'cpu', dilated)).toBe('zero-insertion');
    expect(
      filterGradLowering('Conv3DBackpropFilterV2', 'cpu', {
        ...dilated,
        dilations: [1, 2, 2, 2, 1],
      }),
    ).toBe('conv');
  });

  it('3-D: never the wasm stock kernels (wrong values in tfjs 4.22)', () => {
    const p3 = { dilations: [1, 1, 1, 1, 1], padding: 'SAME' };
    expect(inputGradLowering('Conv3DBackpropInputV2', 'wasm', p3)).toBe('zero-insertion');
    expect(inputGradLowering('Conv3DBackpropInputV2', 'cpu', p3)).toBe('native');
    expect(filterGradLowering('Conv3DBackpropFilterV2', 'wasm', p3)).toBe('conv');
    expect(filterGradLowering('Conv2DBackpropFilter', 'cpu', plain)).toBe('conv');
  });

  it('every entry records why, and an unknown backend gets the default', () => {
    for (const op of Object.keys(LOWERING) as LoweredOp[]) {
      for (const entry of Object.values(LOWERING[op])) expect(entry.why.length).toBeGreaterThan(10);
      expect(loweringChoice(op, 'no-such-backend')).toBe(LOWERING[op].default);
    }
  });

  it('op records expose the lowering for session.explain', () => {
    const a2 = Conv2DBackpropInput.attrs;
    expect(a2).toBeDefined();
    const attrs = {
      T: 'float32' as const,
      strides: [1, 2, 2, 1],
      use_cudnn_on_gpu: true,
      padding: 'SAME' as const,
      explicit_paddings: [],
      data_format: 'NHWC' as const,
      dilations: [1, 1, 1, 1],
    };
    expect(Conv2DBackpropInput.lowering?.(attrs, 'wasm')).toBe('sub-pixel');
    expect(Conv2DBackpropInput.lowering?.(attrs, 'cpu')).toBe('native');
    expect(Conv2DBackpropFilter.lowering?.(attrs, 'wasm')).toBe('conv');
    const attrs3 = {
      T: 'float32' as const,
      strides: [1, 2, 2, 2, 1],
      padding: 'SAME' as const,
      data_format: 'NDHWC' as const,
      dilations: [1, 1, 1, 1, 1],
    };
    expect(Conv3DBackpropInputV2.lowering?.({ ...attrs3, Tshape: 'int32' as const }, 'wasm')).toBe(
      'zero-insertion',
    );
    expect(Conv3DBackpropFilterV2.lowering?.(attrs3, 'cpu')).toBe('native');
  });
});

describe('each backend runs the chosen implementation', () => {
  const c = CASES[2]!;
  /** The tfjs kernels one Conv2DBackpropInput kernel call runs on `backend`. */
  async function kernelsRun(backend: string): Promise<string[]> {
    await tfc.setBackend(backend);
    const p = prepare(c, 5);
    const info = await tfc.profile(() => {
      runKernel(c, p, false, backend);
    });
    return info.kernels.map((k) => k.name);
  }

  it('cpu: tfjs native Conv2DBackpropInput', async () => {
    expect(await kernelsRun('cpu')).toContain('Conv2DBackpropInput');
  });

  it('wasm: sub-pixel (stride^2 Conv2D calls, no native kernel, no zero-insertion pad)', async () => {
    const names = await kernelsRun('wasm');
    expect(names).not.toContain('Conv2DBackpropInput');
    expect(names.filter((n) => n === 'Conv2D')).toHaveLength(4);
    expect(names).not.toContain('PadV2');
  });
});

describe('tf.nn.conv2dTranspose through a wasm Session (sub-pixel) vs the loop', () => {
  const configs: ConvConfig[] = [
    {
      name: 'lowering: odd 9x7 5x5 s2 SAME',
      batch: 2,
      spatial: [9, 7],
      inC: 2,
      k: [5, 5],
      outC: 3,
      strides: [2, 2],
      dil: [1, 1],
      padding: 'SAME',
      seed: 7,
    },
    {
      name: 'lowering: 10x9 3x2 s3 VALID',
      batch: 1,
      spatial: [10, 9],
      inC: 3,
      k: [3, 2],
      outC: 2,
      strides: [3, 3],
      dil: [1, 1],
      padding: 'VALID',
      seed: 8,
    },
  ];
  const build = (
    dy: tf.Tensor,
    w: tf.Tensor,
    outShape: number[],
    cfg: ConvConfig,
    df: string,
  ): tf.Tensor =>
    tf.nn.conv2dTranspose(dy, w, outShape, cfg.strides, cfg.padding, { dataFormat: df });
  for (const cfg of configs)
    for (const row of transposeRows(cfg, build, 'wasm')) it(row.name, () => runOpCase(row));
});
