import { afterEach, describe, expect, it } from 'vitest';
import * as tf from '../../../src/index.js';

afterEach(() => tf.resetDefaultGraph());

const ph = (shape: (number | null)[], name: string): tf.Tensor =>
  tf.placeholder('float32', shape, name);

describe('convolution graph structure (names and attrs as TF1 writes them)', () => {
  it('conv2d: one Conv2D op with TF full-form attrs', () => {
    const y = tf.nn.conv2d(ph([null, 28, 28, 1], 'x'), ph([5, 5, 1, 8], 'w'), 2, 'SAME');
    expect(y.name).toBe('Conv2D:0');
    expect(y.op.type).toBe('Conv2D');
    expect(y.op.getAttr('strides')).toEqual([1, 2, 2, 1]);
    expect(y.op.getAttr('dilations')).toEqual([1, 1, 1, 1]);
    expect(y.op.getAttr('padding')).toBe('SAME');
    expect(y.op.getAttr('data_format')).toBe('NHWC');
    expect(y.op.getAttr('explicit_paddings')).toEqual([]);
    expect(y.op.getAttr('use_cudnn_on_gpu')).toBe(true);
    const z = tf.nn.conv2d(
      ph([1, 3, 8, 8], 'x2'),
      ph([3, 3, 3, 4], 'w2'),
      [1, 2],
      [
        [0, 0],
        [0, 0],
        [1, 1],
        [2, 0],
      ],
      { dataFormat: 'NCHW', name: 'c' },
    );
    expect(z.op.name).toBe('c');
    expect(z.op.getAttr('strides')).toEqual([1, 1, 1, 2]);
    expect(z.op.getAttr('padding')).toBe('EXPLICIT');
    expect(z.op.getAttr('explicit_paddings')).toEqual([0, 0, 0, 0, 1, 1, 2, 0]);
    expect(z.shape.toString()).toBe('(1, 4, 8, 4)');
  });

  it('conv2dTranspose: a Conv2DBackpropInput named conv2d_transpose with its input_sizes const', () => {
    const y = tf.nn.conv2dTranspose(
      ph([2, 7, 7, 8], 'v'),
      ph([5, 5, 1, 8], 'w'),
      [2, 14, 14, 1],
      2,
      'SAME',
    );
    expect(y.op.type).toBe('Conv2DBackpropInput');
    expect(y.op.name).toBe('conv2d_transpose');
    expect(y.op.inputs.map((t) => t.name)).toEqual([
      'conv2d_transpose/input_sizes:0',
      'w:0',
      'v:0',
    ]);
    const y3 = tf.nn.conv3dTranspose(
      ph([2, 4, 4, 4, 8], 'v3'),
      ph([3, 3, 3, 2, 8], 'w3'),
      [2, 8, 8, 8, 2],
      2,
      'SAME',
    );
    expect(y3.op.type).toBe('Conv3DBackpropInputV2');
    expect(y3.op.name).toBe('conv3d_transpose');
    expect(y3.op.getAttr('strides')).toEqual([1, 2, 2, 2, 1]);
  });

  it('gradients: Conv2D -> Conv2DBackpropInput + Conv2DBackpropFilter, and back', () => {
    const x = ph([null, 8, 8, 1], 'x');
    const w = ph([3, 3, 1, 2], 'w');
    const y = tf.nn.conv2d(x, w, 2, 'SAME');
    const [gx, gw] = tf.gradients(y, [x, w]);
    expect(gx!.op.type).toBe('Conv2DBackpropInput');
    expect(gw!.op.type).toBe('Conv2DBackpropFilter');
    expect(gx!.op.name).toBe('gradients/Conv2D_grad/Conv2DBackpropInput');
    expect(gw!.op.name).toBe('gradients/Conv2D_grad/Conv2DBackpropFilter');
    expect(gx!.shape.toString()).toBe('(?, 8, 8, 1)');
    expect(gw!.shape.toString()).toBe('(3, 3, 1, 2)');
    expect(gw!.op.getAttr('strides')).toEqual([1, 2, 2, 1]);

    const t = tf.nn.conv2dTranspose(ph([2, 4, 4, 2], 'v'), w, [2, 8, 8, 1], 2, 'SAME');
    const [tw, tv] = tf.gradients(t, [w, t.op.inputs[2]!]);
    expect(tw!.op.type).toBe('Conv2DBackpropFilter');
    expect(tv!.op.type).toBe('Conv2D');
    expect(tv!.shape.toString()).toBe('(2, 4, 4, 2)');

    const f = tf.nn.conv2dBackpropFilter(x, [3, 3, 1, 2], ph([null, 4, 4, 2], 'dy'), 2, 'SAME');
    const [fx, fdy] = tf.gradients(f, [x, f.op.inputs[2]!]);
    expect(fx!.op.type).toBe('Conv2DBackpropInput');
    expect(fdy!.op.type).toBe('Conv2D');
    expect(fx!.shape.toString()).toBe('(?, 8, 8, 1)');
  });

  it('gradients of the 3-D ops', () => {
    const x = ph([1, 4, 4, 4, 2], 'x');
    const w = ph([2, 2, 2, 2, 3], 'w');
    const y = tf.nn.conv3d(x, w, 2, 'VALID');
    const [gx, gw] = tf.gradients(y, [x, w]);
    expect(gx!.op.type).toBe('Conv3DBackpropInputV2');
    expect(gw!.op.type).toBe('Conv3DBackpropFilterV2');
    expect(gx!.shape.toString()).toBe('(1, 4, 4, 4, 2)');
    expect(gw!.shape.toString()).toBe('(2, 2, 2, 2, 3)');
    const dy = ph([1, 2, 2, 2, 3], 'dy');
    const f = tf.nn.conv3dBackpropFilterV2(x, [2, 2, 2, 2, 3], dy, 2, 'VALID');
    const [ggw, ggdy] = tf.gradients(f, [x, dy]);
    expect(ggw!.op.type).toBe('Conv3DBackpropInputV2');
    expect(ggdy!.op.type).toBe('Conv3D');
  });
});
