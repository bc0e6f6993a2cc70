import * as tfc from '@tensorflow/tfjs-core';
import {
  convBackpropFilterChannelsLast,
  convBackpropInputChannelsLast,
} from '../src/ops/nn/conv_backprop_kernels.js';
import type { InputGradImpl } from '../src/ops/nn/lowering.js';
import { measure, type Timing } from './timing.js';

/**
 * The measurements behind src/ops/nn/lowering.ts: each implementation of a convolution's
 * input and filter gradient on the active backend, on W1's transposed-conv layer.
 */

export interface LoweringRow {
  op: string;
  impl: string;
  timing: Timing | null;
  note?: string;
}

const pads2: [number, number][] = [
  [1, 2],
  [1, 2],
];

export async function lowering(backend: string, quick: boolean): Promise<LoweringRow[]> {
  const dy = tfc.randomNormal([32, 14, 14, 64], 0, 1, 'float32', 1);
  const w = tfc.randomNormal([5, 5, 32, 64], 0, 0.05, 'float32', 2);
  const x = tfc.randomNormal([32, 28, 28, 32], 0, 1, 'float32', 3);
  const inShape = [32, 28, 28, 32];
  const slow = backend === 'cpu';
  const o = { warmup: 1, runs: quick ? 3 : slow ? 7 : 21 };
  const rows: LoweringRow[] = [];
  const read = (t: tfc.Tensor): void => {
    t.dataSync();
    t.dispose();
  };
  for (const impl of ['native', 'zero-insertion', 'sub-pixel'] as InputGradImpl[]) {
    const timing = await measure(
      () =>
        read(
          tfc.tidy(() =>
            convBackpropInputChannelsLast(dy, w, inShape, [2, 2], [1, 1], pads2, {
              impl,
              padding: 'SAME',
            }),
          ),
        ),
      o,
    );
    rows.push({ op: 'Conv2DBackpropInput', impl, timing });
  }
  rows.push({
    op: 'Conv2DBackpropFilter',
    impl: 'conv',
    timing: await measure(
      () =>
        read(
          tfc.tidy(() =>
            convBackpropFilterChannelsLast(x, dy, [5, 5, 32, 64], [2, 2], [1, 1], pads2),
          ),
        ),
      o,
    ),
  });
  if (tfc.getKernel('Conv2DBackpropFilter', backend) === undefined) {
    rows.push({
      op: 'Conv2DBackpropFilter',
      impl: 'native',
      timing: null,
      note: `no ${backend} kernel`,
    });
  } else if (slow && quick) {
    rows.push({
      op: 'Conv2DBackpropFilter',
      impl: 'native',
      timing: null,
      note: 'skipped with --quick (tens of seconds per call)',
    });
  } else {
    const attrs = { strides: [2, 2], pad: 'same', dataFormat: 'NHWC', filterShape: [5, 5, 32, 64] };
    const timing = await measure(
      () => read(tfc.engine().runKernel('Conv2DBackpropFilter', { x, dy }, attrs) as tfc.Tensor),
      slow ? { warmup: 0, runs: 1 } : o,
    );
    rows.push({
      op: 'Conv2DBackpropFilter',
      impl: 'native',
      timing,
      ...(slow ? { note: 'one call, no warm-up' } : {}),
    });
  }
  [dy, w, x].forEach((t) => t.dispose());
  return rows;
}
