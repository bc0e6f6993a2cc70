import { afterEach, describe, expect, it } from 'vitest';
import * as tf from '../../../src/index.js';
import { runOpCase, type OpCase } from '../../util/op_cases.js';

afterEach(() => tf.resetDefaultGraph());

const ph = (shape: (number | null)[] | null, name = 'x'): tf.Tensor =>
  tf.placeholder('float32', shape ?? undefined, name);

interface ShapeRow {
  name: string;
  build: () => tf.Tensor;
  shape: string;
}

const SHAPES: ShapeRow[] = [
  {
    name: 'conv2d (?, 28, 28, 1) stride 2 SAME',
    build: () => tf.nn.conv2d(ph([null, 28, 28, 1]), ph([5, 5, 1, 8], 'w'), 2, 'SAME'),
    shape: '(?, 14, 14, 8)',
  },
  {
    name: 'conv2d stride 2 VALID',
    build: () => tf.nn.conv2d(ph([null, 28, 28, 1]), ph([5, 5, 1, 8], 'w'), [2, 2], 'VALID'),
    shape: '(?, 12, 12, 8)',
  },
  {
    name: 'conv2d unknown rank NHWC',
    build: () => tf.nn.conv2d(ph(null), ph([3, 3, 1, 2], 'w'), 1, 'VALID'),
    shape: '(?, ?, ?, 2)',
  },
  {
    name: 'conv2d unknown rank NCHW',
    build: () => tf.nn.conv2d(ph(null), ph([3, 3, 1, 2], 'w'), 1, 'VALID', { dataFormat: 'NCHW' }),
    shape: '(?, 2, ?, ?)',
  },
  {
    name: 'conv2d unknown dims',
    build: () => tf.nn.conv2d(ph([null, null, null, null]), ph([3, 3, 1, 2], 'w'), 2, 'VALID'),
    shape: '(?, ?, ?, 2)',
  },
  {
    name: 'conv2d unknown filter SAME',
    build: () => tf.nn.conv2d(ph([2, 9, 9, 1]), ph(null, 'w'), 1, 'SAME'),
    shape: '(2, 9, 9, ?)',
  },
  {
    name: 'conv2d unknown filter VALID',
    build: () => tf.nn.conv2d(ph([2, 9, 9, 1]), ph(null, 'w'), 1, 'VALID'),
    shape: '(2, ?, ?, ?)',
  },
  {
    name: 'conv2d NCHW stride 2 VALID',
    build: () =>
      tf.nn.conv2d(ph([2, 3, 9, 9]), ph([3, 3, 3, 2], 'w'), 2, 'VALID', { dataFormat: 'NCHW' }),
    shape: '(2, 2, 4, 4)',
  },
  {
    name: 'conv2d dilation 2 VALID',
    build: () =>
      tf.nn.conv2d(ph([1, 9, 9, 1]), ph([3, 3, 1, 2], 'w'), 1, 'VALID', { dilations: 2 }),
    shape: '(1, 5, 5, 2)',
  },
  {
    name: 'conv2d explicit padding',
    build: () =>
      tf.nn.conv2d(ph([1, 5, 5, 1]), ph([3, 3, 1, 2], 'w'), 2, [
        [0, 0],
        [1, 2],
        [0, 1],
        [0, 0],
      ]),
    shape: '(1, 3, 2, 2)',
  },
  {
    name: 'conv2d grouped',
    build: () => tf.nn.conv2d(ph([2, 5, 5, 4]), ph([3, 3, 2, 2], 'w'), 1, 'SAME'),
    shape: '(2, 5, 5, 2)',
  },
  {
    name: 'conv3d NCDHW strides 2 SAME',
    build: () =>
      tf.nn.conv3d(ph([2, 1, 9, 9, 9]), ph([3, 3, 3, 1, 2], 'w'), [1, 1, 2, 2, 2], 'SAME', {
        dataFormat: 'NCDHW',
      }),
    shape: '(2, 2, 5, 5, 5)',
  },
  {
    name: 'conv3d unknown rank',
    build: () => tf.nn.conv3d(ph(null), ph([3, 3, 3, 1, 2], 'w'), 1, 'SAME'),
    shape: '(?, ?, ?, ?, 2)',
  },
  {
    name: 'conv2dTranspose SAME stride 2',
    build: () =>
      tf.nn.conv2dTranspose(ph([2, 7, 7, 8]), ph([5, 5, 1, 8], 'w'), [2, 14, 14, 1], 2, 'SAME'),
    shape: '(2, 14, 14, 1)',
  },
  {
    name: 'conv2dTranspose SAME stride 2, odd output',
    build: () =>
      tf.nn.conv2dTranspose(ph([2, 7, 7, 8]), ph([5, 5, 1, 8], 'w'), [2, 13, 13, 1], 2, 'SAME'),
    shape: '(2, 13, 13, 1)',
  },
  // VALID: in*stride + max(k - stride, 0) = 17; 18 maps back to 7 as well.
  {
    name: 'conv2dTranspose VALID stride 2 (17)',
    build: () =>
      tf.nn.conv2dTranspose(ph([2, 7, 7, 8]), ph([5, 5, 1, 8], 'w'), [2, 17, 17, 1], 2, 'VALID'),
    shape: '(2, 17, 17, 1)',
  },
  {
    name: 'conv2dTranspose VALID stride 2 (18)',
    build: () =>
      tf.nn.conv2dTranspose(ph([2, 7, 7, 8]), ph([5, 5, 1, 8], 'w'), [2, 18, 18, 1], 2, 'VALID'),
    shape: '(2, 18, 18, 1)',
  },
  {
    name: 'conv2dTranspose NCHW',
    build: () =>
      tf.nn.conv2dTranspose(ph([2, 8, 7, 7]), ph([5, 5, 1, 8], 'w'), [2, 1, 14, 14], 2, 'SAME', {
        dataFormat: 'NCHW',
      }),
    shape: '(2, 1, 14, 14)',
  },
  {
    name: 'conv2dTranspose dilated',
    build: () =>
      tf.nn.conv2dTranspose(ph([2, 7, 7, 8]), ph([5, 5, 1, 8], 'w'), [2, 7, 7, 1], 1, 'SAME', {
        dilations: 2,
      }),
    shape: '(2, 7, 7, 1)',
  },
  {
    name: 'conv2dTranspose strides and dilations 2',
    build: () =>
      tf.nn.conv2dTranspose(ph([2, 7, 7, 8]), ph([5, 5, 1, 8], 'w'), [2, 14, 14, 1], 2, 'SAME', {
        dilations: 2,
      }),
    shape: '(2, 14, 14, 1)',
  },
  {
    name: 'conv2dTranspose output_shape stacked from a dynamic batch',
    build: () => {
      const v = ph([null, 7, 7, 8]);
      const batch = tf.stridedSlice(tf.shape(v), [0], [1], [1], { shrinkAxisMask: 1 });
      return tf.nn.conv2dTranspose(
        v,
        ph([5, 5, 1, 8], 'w'),
        tf.stack([batch, 14, 14, 1]),
        2,
        'SAME',
      );
    },
    shape: '(?, 14, 14, 1)',
  },
  {
    name: 'conv2dTranspose output_shape placeholder',
    build: () =>
      tf.nn.conv2dTranspose(
        ph([null, 7, 7, 8]),
        ph([5, 5, 1, 8], 'w'),
        tf.placeholder('int32', [4], 's'),
        2,
        'SAME',
      ),
    shape: '(?, ?, ?, ?)',
  },
  {
    name: 'conv2dBackpropInput 2 spatial sizes',
    build: () =>
      tf.nn.conv2dBackpropInput([14, 14], ph([5, 5, 1, 8], 'w'), ph([2, 7, 7, 8]), 2, 'SAME'),
    shape: '(2, 14, 14, 1)',
  },
  {
    name: 'conv2dBackpropFilter',
    build: () =>
      tf.nn.conv2dBackpropFilter(
        ph([null, 28, 28, 1]),
        [5, 5, 1, 8],
        ph([null, 14, 14, 8], 'dy'),
        2,
        'SAME',
      ),
    shape: '(5, 5, 1, 8)',
  },
  {
    name: 'conv2dBackpropFilter filter_sizes placeholder',
    build: () =>
      tf.nn.conv2dBackpropFilter(
        ph([null, 28, 28, 1]),
        tf.placeholder('int32', [4], 's'),
        ph([null, 14, 14, 8], 'dy'),
        2,
        'SAME',
      ),
    shape: '(?, ?, ?, 8)',
  },
  {
    name: 'conv3dTranspose SAME stride 2',
    build: () =>
      tf.nn.conv3dTranspose(
        ph([2, 4, 4, 4, 8]),
        ph([3, 3, 3, 2, 8], 'w'),
        [2, 8, 8, 8, 2],
        [1, 2, 2, 2, 1],
        'SAME',
      ),
    shape: '(2, 8, 8, 8, 2)',
  },
  {
    name: 'conv3dBackpropFilterV2',
    build: () =>
      tf.nn.conv3dBackpropFilterV2(
        ph([2, 4, 4, 4, 8]),
        [3, 3, 3, 8, 2],
        ph([2, 2, 2, 2, 2], 'dy'),
        2,
        'SAME',
      ),
    shape: '(3, 3, 3, 8, 2)',
  },
];

describe('convolution static shapes', () => {
  for (const r of SHAPES) {
    it(r.name, () => {
      expect(r.build().shape.toString()).toBe(r.shape);
    });
  }
});

const err = (
  name: string,
  build: () => tf.Tensor,
  throws: RegExp,
  throwsClass: OpCase['throwsClass'] = tf.ValueError,
): OpCase => ({ name, build, throws, throwsClass });

const ERRORS: OpCase[] = [
  err(
    'input rank',
    () => tf.nn.conv2d(ph([2, 5, 5]), ph([3, 3, 1, 2], 'w'), 1, 'SAME'),
    /Shape must be rank 4 but is rank 3 for input 'input'/,
  ),
  err(
    'filter rank',
    () => tf.nn.conv2d(ph([2, 5, 5, 1]), ph([3, 3, 1], 'w'), 1, 'SAME'),
    /Shape must be rank 4 but is rank 3 for input 'filter'/,
  ),
  err(
    'channels',
    () => tf.nn.conv2d(ph([2, 5, 5, 3]), ph([3, 3, 2, 2], 'w'), 1, 'SAME'),
    /Depth of input \(3\) is not a multiple of input depth of filter \(2\)/,
  ),
  err(
    'groups vs output depth',
    () => tf.nn.conv3d(ph([2, 9, 9, 9, 3]), ph([3, 3, 3, 1, 2], 'w'), 1, 'SAME'),
    /Depth of output \(2\) is not a multiple of the number of groups \(3\)/,
  ),
  err(
    'bad padding',
    () => tf.nn.conv2d(ph([2, 5, 5, 1]), ph([3, 3, 1, 2], 'w'), 1, 'FOO'),
    /Attr 'padding' of 'Conv2D' Op passed string 'FOO' not in: "SAME", "VALID", "EXPLICIT"\./,
  ),
  err(
    'lower-case padding (TF1 does not fold case)',
    () => tf.nn.conv2d(ph([2, 5, 5, 1]), ph([3, 3, 1, 2], 'w'), 1, 'same'),
    /passed string 'same' not in/,
  ),
  err(
    'padding EXPLICIT as a string',
    () => tf.nn.conv2d(ph([2, 5, 5, 1]), ph([3, 3, 1, 2], 'w'), 1, 'EXPLICIT'),
    /"EXPLICIT" is not a valid value for `padding`/,
  ),
  err(
    'explicit padding in the batch dim',
    () =>
      tf.nn.conv2d(ph([2, 5, 5, 1]), ph([3, 3, 1, 2], 'w'), 1, [
        [1, 0],
        [1, 1],
        [1, 1],
        [0, 0],
      ]),
    /Nonzero explicit padding in the batch or depth dimensions is not supported/,
  ),
  err(
    'explicit padding list length',
    () =>
      tf.nn.conv2d(ph([2, 5, 5, 1]), ph([3, 3, 1, 2], 'w'), 1, [
        [1, 1],
        [1, 1],
      ]),
    /When padding is a list, it must be of size 4/,
  ),
  err(
    'conv3d takes no explicit padding',
    () => tf.nn.conv3d(ph([2, 5, 5, 5, 1]), ph([3, 3, 3, 1, 2], 'w'), 1, 'EXPLICIT'),
    /Attr 'padding' of 'Conv3D' Op passed string 'EXPLICIT' not in: "SAME", "VALID"\./,
  ),
  err(
    'strides length',
    () => tf.nn.conv2d(ph([2, 5, 5, 1]), ph([3, 3, 1, 2], 'w'), [1, 1, 1], 'SAME'),
    /strides should be of length 1, 2 or 4\. Received: strides=\[1, 1, 1\] of length 3/,
  ),
  err(
    'strides in the batch dim',
    () => tf.nn.conv2d(ph([2, 5, 5, 1]), ph([3, 3, 1, 2], 'w'), [2, 1, 1, 1], 'SAME'),
    /strides in the batch and depth dimensions must be 1/,
  ),
  err(
    'zero stride',
    () => tf.nn.conv2d(ph([2, 5, 5, 1]), ph([3, 3, 1, 2], 'w'), 0, 'SAME'),
    /strides must be positive integers/,
  ),
  err(
    'data format',
    () => tf.nn.conv2d(ph([2, 5, 5, 1]), ph([3, 3, 1, 2], 'w'), 1, 'SAME', { dataFormat: 'NWC' }),
    /Attr 'data_format' of 'Conv2D' Op passed string 'NWC' not in: "NHWC", "NCHW"\./,
  ),
  err(
    'VALID window larger than input',
    () => tf.nn.conv2d(ph([2, 2, 2, 1]), ph([3, 3, 1, 2], 'w'), 1, 'VALID'),
    /Negative dimension size caused by subtracting 3 from 2/,
  ),
  err(
    'dilated VALID window larger than input',
    () => tf.nn.conv2d(ph([2, 4, 4, 1]), ph([3, 3, 1, 2], 'w'), 1, 'VALID', { dilations: 2 }),
    /Negative dimension size caused by subtracting 5 from 4/,
  ),
  err(
    'conv2dTranspose VALID output shape inconsistent',
    () =>
      tf.nn.conv2dTranspose(ph([2, 7, 7, 8]), ph([5, 5, 1, 8], 'w'), [2, 19, 19, 1], 2, 'VALID'),
    /Conv2DBackpropInput: Size of out_backprop doesn't match computed: actual = 7, computed = 8 spatial_dim: 1 input: 19 filter: 5 output: 7 stride: 2 dilation: 1/,
  ),
  err(
    'conv2dTranspose SAME output shape inconsistent',
    () => tf.nn.conv2dTranspose(ph([2, 7, 7, 8]), ph([5, 5, 1, 8], 'w'), [2, 20, 20, 1], 2, 'SAME'),
    /actual = 7, computed = 10/,
  ),
  err(
    'conv2dTranspose input channels',
    () => tf.nn.conv2dTranspose(ph([2, 7, 7, 4]), ph([5, 5, 1, 8], 'w'), [2, 14, 14, 1], 2, 'SAME'),
    /input channels does not match filter's input channels, 4 != 8/,
  ),
  err(
    'conv2dTranspose output channels',
    () => tf.nn.conv2dTranspose(ph([2, 7, 7, 8]), ph([5, 5, 1, 8], 'w'), [2, 14, 14, 3], 2, 'SAME'),
    /output_shape does not match filter's output channels, 3 != 1/,
  ),
  err(
    'conv2dTranspose output_shape length',
    () => tf.nn.conv2dTranspose(ph([2, 7, 7, 8]), ph([5, 5, 1, 8], 'w'), [2, 14, 14], 2, 'SAME'),
    /output_shape must have shape \(4,\), got \(3,\)/,
  ),
  err(
    'conv2dTranspose padding',
    () => tf.nn.conv2dTranspose(ph([2, 7, 7, 8]), ph([5, 5, 1, 8], 'w'), [2, 14, 14, 1], 2, 'FOO'),
    /padding must be either VALID or SAME: FOO/,
  ),
  err(
    'conv2dTranspose data format',
    () =>
      tf.nn.conv2dTranspose(ph([2, 7, 7, 8]), ph([5, 5, 1, 8], 'w'), [2, 14, 14, 1], 2, 'SAME', {
        dataFormat: 'NCW',
      }),
    /data_format has to be either NCHW or NHWC/,
  ),
  err(
    'conv2dBackpropInput out_backprop depth',
    () =>
      tf.nn.conv2dBackpropInput([2, 14, 14, 1], ph([5, 5, 1, 8], 'w'), ph([2, 7, 7, 4]), 2, 'SAME'),
    /Dimensions must be equal, but are 4 and 8/,
  ),
  err(
    'conv2dBackpropInput input_sizes length',
    () =>
      tf.nn.conv2dBackpropInput([2, 14, 14], ph([5, 5, 1, 8], 'w'), ph([2, 7, 7, 8]), 2, 'SAME'),
    /Conv2DBackpropInput requires input_sizes to contain 4 values or 2 values, but got: 3/,
  ),
  err(
    'conv2dBackpropFilter out_backprop size',
    () =>
      tf.nn.conv2dBackpropFilter(ph([2, 9, 9, 1]), [3, 3, 1, 2], ph([2, 4, 4, 2], 'dy'), 1, 'SAME'),
    /Conv2DBackpropFilter: Size of out_backprop doesn't match computed: actual = 4, computed = 9/,
  ),
  err(
    'conv3dTranspose output shape inconsistent',
    () =>
      tf.nn.conv3dTranspose(
        ph([2, 4, 4, 4, 8]),
        ph([3, 3, 3, 2, 8], 'w'),
        [2, 9, 9, 9, 2],
        2,
        'SAME',
      ),
    /Conv3DBackpropInputV2: Size of out_backprop doesn't match computed: actual = 4, computed = 5/,
  ),
];

describe('convolution build-time errors', () => {
  for (const row of ERRORS) it(row.name, () => runOpCase(row));
});

describe('convolution run-time errors (shapes known only when fed)', () => {
  it('input depth not a multiple of the filter depth', () =>
    runOpCase({
      name: 'runtime depth',
      build: () =>
        tf.nn.conv2d(
          ph([null, null, null, null]),
          tf.constant(new Float32Array(36), { shape: [3, 3, 2, 2] }),
          1,
          'SAME',
        ),
      feeds: { 'x:0': new tf.NDArray('float32', [1, 4, 4, 3], new Float32Array(48)) },
      throws: /Depth of input \(3\) is not a multiple of input depth of filter \(2\)/,
      throwsClass: tf.InvalidArgumentError,
    }));

  it('a fed output_shape the conv does not map back', () =>
    runOpCase({
      name: 'runtime output_shape',
      build: () =>
        tf.nn.conv2dTranspose(
          tf.constant(new Float32Array(18), { shape: [1, 3, 3, 2] }),
          tf.constant(new Float32Array(18), { shape: [3, 3, 1, 2] }),
          tf.placeholder('int32', [4], 'x'),
          2,
          'SAME',
        ),
      feeds: { 'x:0': [1, 9, 9, 1] },
      throws: /Size of out_backprop doesn't match computed: actual = 3, computed = 5/,
      throwsClass: tf.InvalidArgumentError,
    }));
});

describe('conv2dTranspose with an output_shape known only at run time', () => {
  it('gives the same values as with the static output_shape', async () => {
    const v = ph([null, 3, 3, 2]);
    const w = tf.constant(
      Float32Array.from({ length: 18 }, (_, i) => (i % 5) - 2),
      { shape: [3, 3, 1, 2] },
    );
    const batch = tf.stridedSlice(tf.shape(v), [0], [1], [1], { shrinkAxisMask: 1 });
    const dynamic = tf.nn.conv2dTranspose(v, w, tf.stack([batch, 6, 6, 1]), 2, 'SAME');
    const fixed = tf.nn.conv2dTranspose(v, w, [2, 6, 6, 1], 2, 'SAME');
    const sess = new tf.Session();
    const feed = {
      'x:0': new tf.NDArray(
        'float32',
        [2, 3, 3, 2],
        Float32Array.from({ length: 36 }, (_, i) => i / 10),
      ),
    };
    const [a, b] = (await sess.run([dynamic, fixed], feed)) as tf.NDArray[];
    sess.close();
    expect(a!.shape).toEqual([2, 6, 6, 1]);
    expect(Array.from(a!.data as Float32Array)).toEqual(Array.from(b!.data as Float32Array));
  });
});
