// Gradcheck rows for every differentiable array op (symbolic gradient vs central differences).
import * as tf from '../../../src/index.js';
import { MirrorPadGrad } from '../../../src/ops/array/mirror_pad_grad.js';
import { StridedSliceGrad } from '../../../src/ops/array/strided_slice_grad.js';
import { unsortedSegmentSum } from '../../../src/ops/array/unsorted_segment_sum.js';
import { applyOp } from '../../../src/ops/core/apply.js';
import type { GradCase } from '../../util/gradcheck.js';

/**
 * `x` seen with unknown dims while building (reshaped through a shape whose value is fed, here
 * its default); the gradient flows through, so the op under test builds its dynamic path.
 */
function unknownDims(x: tf.Tensor): tf.Tensor {
  const dims = x.shape.asList() as number[];
  return tf.reshape(x, tf.placeholderWithDefault(Int32Array.from(dims), [dims.length]));
}

/** `x` with an unknown static rank (same values). */
function unknownRank(x: tf.Tensor): tf.Tensor {
  const dims = x.shape.asList() as number[];
  return tf.reshape(x, tf.placeholderWithDefault(Int32Array.from(dims), null));
}

/** An int tensor whose value is known only at run time. */
const dynamic = (v: number[] | number[][] | number, shape: number[]): tf.Tensor =>
  tf.placeholderWithDefault(tf.constant(v, { dtype: 'int32' }), shape);

const ss = (
  x: tf.Tensor,
  b: number[],
  e: number[],
  s: number[],
  o: tf.StridedSliceOptions = {},
): tf.Tensor => tf.stridedSlice(x, b, e, s, o);

export const GRAD_CASES: GradCase[] = [
  {
    opType: 'Reshape',
    name: 'reshape (2,3) -> (3,2)',
    inputs: [{ shape: [2, 3] }],
    build: (a) => tf.reshape(a, [3, 2]),
  },
  {
    opType: 'Reshape',
    name: 'reshape with unknown dims',
    inputs: [{ shape: [2, 3] }],
    build: (a) => tf.reshape(unknownDims(a), [-1]),
  },
  { opType: 'Identity', name: 'identity', inputs: [{ shape: [3] }], build: (a) => tf.identity(a) },
  {
    opType: 'PlaceholderWithDefault',
    name: 'default value gets the gradient',
    inputs: [{ shape: [2, 3] }],
    build: (a) => tf.placeholderWithDefault(a, [null, 3]),
  },
  {
    opType: 'Transpose',
    name: 'transpose [2, 0, 1]',
    inputs: [{ shape: [2, 3, 4] }],
    build: (a) => tf.transpose(a, [2, 0, 1]),
  },
  {
    opType: 'Transpose',
    name: 'transpose default, unknown rank',
    inputs: [{ shape: [2, 3, 4] }],
    build: (a) => tf.transpose(unknownRank(a)),
  },
  {
    opType: 'Transpose',
    name: 'transpose by a perm of unknown value',
    inputs: [{ shape: [2, 3, 4] }],
    build: (a) => tf.transpose(a, dynamic([1, 2, 0], [3])),
  },
  {
    opType: 'ConcatV2',
    name: 'concat axis 1',
    inputs: [{ shape: [2, 3] }, { shape: [2, 2] }],
    build: (a, b) => tf.concat([a, b], 1),
  },
  {
    opType: 'ConcatV2',
    name: 'concat with unknown dims',
    inputs: [{ shape: [2, 3] }, { shape: [1, 3] }],
    build: (a, b) => tf.concat([unknownDims(a), b], 0),
  },
  {
    opType: 'ConcatV2',
    name: 'concat along an axis of unknown value',
    inputs: [{ shape: [2, 3] }, { shape: [2, 2] }, { shape: [2, 1] }],
    build: (a, b, c) => tf.concat([a, b, c], dynamic(-1, [])),
  },
  {
    opType: 'Pack',
    name: 'stack axis 1',
    inputs: [{ shape: [2, 3] }, { shape: [2, 3] }],
    build: (a, b) => tf.stack([a, b], 1),
  },
  {
    opType: 'Unpack',
    name: 'unstack axis 1, one part unused',
    inputs: [{ shape: [2, 3] }],
    build: (a) => {
      const u = tf.unstack(a, { axis: 1 });
      return tf.add(u[0]!, tf.multiply(u[2]!, 3));
    },
  },
  {
    opType: 'Split',
    name: 'split 2 ways',
    inputs: [{ shape: [2, 4] }],
    build: (a) => {
      const [x, y] = tf.split(a, 2, 1);
      return tf.subtract(tf.multiply(x!, 2), y!);
    },
  },
  {
    opType: 'SplitV',
    name: 'split sizes [1, -1]',
    inputs: [{ shape: [3, 2] }],
    build: (a) => tf.split(a, [1, -1], 0)[1]!,
  },
  {
    opType: 'Slice',
    name: 'slice static',
    inputs: [{ shape: [3, 4] }],
    build: (a) => tf.slice(a, [1, 1], [2, -1]),
  },
  {
    opType: 'Slice',
    name: 'slice with begin of unknown value',
    inputs: [{ shape: [3, 4] }],
    build: (a) => tf.slice(unknownDims(a), dynamic([0, 2], [2]), [2, 2]),
  },
  {
    opType: 'StridedSlice',
    name: 'x[::-1, 1:4:2]',
    inputs: [{ shape: [3, 5] }],
    build: (a) => ss(a, [0, 1], [0, 4], [-1, 2], { beginMask: 1, endMask: 1 }),
  },
  {
    opType: 'StridedSlice',
    name: 'x[1, ..., newaxis, -2::-2]',
    inputs: [{ shape: [2, 3, 5] }],
    build: (a) =>
      ss(a, [1, 0, 0, -2], [2, 0, 0, 0], [1, 1, 1, -2], {
        shrinkAxisMask: 1,
        ellipsisMask: 2,
        newAxisMask: 4,
        endMask: 8,
      }),
  },
  {
    opType: 'StridedSlice',
    name: 'x[:, -1] with unknown dims',
    inputs: [{ shape: [3, 4] }],
    build: (a) =>
      ss(unknownDims(a), [0, -1], [0, 0], [1, 1], { beginMask: 1, endMask: 1, shrinkAxisMask: 2 }),
  },
  {
    opType: 'StridedSliceGrad',
    name: 'StridedSliceGrad of dy (its gradient slices)',
    inputs: [{ shape: [2, 2] }],
    build: (dy) => applyOp(StridedSliceGrad, [[4, 5], [0, 1], [4, 5], [2, 3], dy], {})[0]!,
  },
  {
    opType: 'GatherV2',
    name: 'gather axis 0, repeated indices',
    inputs: [{ shape: [4, 3] }],
    build: (a) =>
      tf.gather(a, [
        [3, 0],
        [3, 1],
      ]),
  },
  {
    opType: 'GatherV2',
    name: 'gather axis 1 with unknown dims',
    inputs: [{ shape: [2, 4, 3] }],
    build: (a) => tf.gather(unknownDims(a), [1, 3, 1], { axis: 1 }),
  },
  {
    opType: 'GatherV2',
    name: 'gather batch_dims 1',
    inputs: [{ shape: [2, 4, 3] }],
    build: (a) =>
      tf.gather(
        a,
        [
          [0, 0, 3],
          [2, 1, 2],
        ],
        { axis: 1, batchDims: 1 },
      ),
  },
  {
    opType: 'UnsortedSegmentSum',
    name: 'segment sums of rows',
    inputs: [{ shape: [4, 3] }],
    build: (a) => unsortedSegmentSum(a, [1, 0, 1, 2], 3),
  },
  {
    opType: 'ExpandDims',
    name: 'expandDims -1',
    inputs: [{ shape: [2, 3] }],
    build: (a) => tf.expandDims(a, -1),
  },
  {
    opType: 'ExpandDims',
    name: 'expandDims with unknown dims',
    inputs: [{ shape: [2, 3] }],
    build: (a) => tf.expandDims(unknownDims(a), 1),
  },
  {
    opType: 'Squeeze',
    name: 'squeeze',
    inputs: [{ shape: [2, 1, 3] }],
    build: (a) => tf.squeeze(a),
  },
  {
    opType: 'Squeeze',
    name: 'squeeze [1] with unknown dims',
    inputs: [{ shape: [2, 1, 3] }],
    build: (a) => tf.squeeze(unknownDims(a), [1]),
  },
  {
    opType: 'Tile',
    name: 'tile [2, 3]',
    inputs: [{ shape: [2, 2] }],
    build: (a) => tf.tile(a, [2, 3]),
  },
  {
    opType: 'Tile',
    name: 'tile with unknown dims and multiples',
    inputs: [{ shape: [2, 3] }],
    build: (a) => tf.tile(unknownDims(a), dynamic([3, 1], [2])),
  },
  {
    opType: 'Pad',
    name: 'pad',
    inputs: [{ shape: [2, 3] }],
    build: (a) =>
      tf.pad(a, [
        [1, 0],
        [2, 1],
      ]),
  },
  {
    opType: 'Pad',
    name: 'pad with paddings of unknown value',
    inputs: [{ shape: [2, 3] }],
    build: (a) =>
      tf.pad(
        unknownDims(a),
        dynamic(
          [
            [0, 1],
            [1, 1],
          ],
          [2, 2],
        ),
      ),
  },
  {
    opType: 'PadV2',
    name: 'pad constant_values',
    inputs: [{ shape: [2, 3] }],
    build: (a) =>
      tf.pad(
        a,
        [
          [1, 1],
          [0, 2],
        ],
        'CONSTANT',
        { constantValues: 2 },
      ),
  },
  {
    opType: 'MirrorPad',
    name: 'REFLECT',
    inputs: [{ shape: [3, 4] }],
    build: (a) =>
      tf.pad(
        a,
        [
          [2, 1],
          [3, 2],
        ],
        'REFLECT',
      ),
  },
  {
    opType: 'MirrorPad',
    name: 'SYMMETRIC',
    inputs: [{ shape: [3, 4] }],
    build: (a) =>
      tf.pad(
        a,
        [
          [3, 2],
          [1, 4],
        ],
        'SYMMETRIC',
      ),
  },
  {
    opType: 'MirrorPadGrad',
    name: 'MirrorPadGrad of dy (its gradient mirror-pads)',
    inputs: [{ shape: [6, 6] }],
    build: (dy) =>
      applyOp(
        MirrorPadGrad,
        [
          dy,
          [
            [1, 2],
            [2, 1],
          ],
        ],
        { mode: 'REFLECT' },
      )[0]!,
  },
  { opType: 'Fill', name: 'fill value', inputs: [{ shape: [] }], build: (v) => tf.fill([2, 3], v) },
  {
    opType: 'BroadcastTo',
    name: 'broadcastTo (3,1) -> (2,3,4)',
    inputs: [{ shape: [3, 1] }],
    build: (a) => tf.broadcastTo(a, [2, 3, 4]),
  },
];
