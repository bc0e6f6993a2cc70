import { afterEach, describe, expect, it } from 'vitest';
import * as tf from '../../../src/index.js';

afterEach(() => tf.resetDefaultGraph());

// [op name, op type, input tensor names], as real TF 1.x graph mode (tf.compat.v1) builds
// them for the same calls (printed by TF 2.21's tf.compat.v1 with eager execution disabled).
const TF_GRAPH: [string, string, string[]][] = [
  ['x', 'Placeholder', []],
  ['i', 'Placeholder', []],
  ['Const', 'Const', []],
  ['Sum', 'Sum', ['x:0', 'Const:0']],
  ['Max/reduction_indices', 'Const', []],
  ['Max', 'Max', ['x:0', 'Max/reduction_indices:0']],
  ['Const_1', 'Const', []],
  ['m', 'Mean', ['x:0', 'Const_1:0']],
  ['ArgMax/dimension', 'Const', []],
  ['ArgMax', 'ArgMax', ['x:0', 'ArgMax/dimension:0']],
  ['ArgMin/dimension', 'Const', []],
  ['ArgMin', 'ArgMin', ['x:0', 'ArgMin/dimension:0']],
  ['clip_by_value/Minimum/y', 'Const', []],
  ['clip_by_value/Minimum', 'Minimum', ['x:0', 'clip_by_value/Minimum/y:0']],
  ['clip_by_value/y', 'Const', []],
  ['clip_by_value', 'Maximum', ['clip_by_value/Minimum:0', 'clip_by_value/y:0']],
  ['Greater/y', 'Const', []],
  ['Greater', 'Greater', ['x:0', 'Greater/y:0']],
  ['Select', 'Select', ['Greater:0', 'x:0', 'x:0']],
  ['Where', 'Where', ['Greater:0']],
  ['Cast', 'Cast', ['x:0']],
  ['Cast_1/x', 'Const', []],
  ['Pow/y', 'Const', []],
  ['Pow', 'Pow', ['x:0', 'Pow/y:0']],
  ['SquaredDifference/y', 'Const', []],
  ['SquaredDifference', 'SquaredDifference', ['x:0', 'SquaredDifference/y:0']],
  ['Equal/y', 'Const', []],
  ['Equal', 'Equal', ['x:0', 'Equal/y:0']],
  ['truediv/y', 'Const', []],
  ['truediv/Cast', 'Cast', ['i:0']],
  ['truediv/Cast_1', 'Cast', ['truediv/y:0']],
  ['truediv', 'RealDiv', ['truediv/Cast:0', 'truediv/Cast_1:0']],
  ['truediv_1/y', 'Const', []],
  ['truediv_1', 'RealDiv', ['x:0', 'truediv_1/y:0']],
  ['floordiv/y', 'Const', []],
  ['floordiv', 'FloorDiv', ['x:0', 'floordiv/y:0']],
  ['FloorMod/y', 'Const', []],
  ['FloorMod', 'FloorMod', ['x:0', 'FloorMod/y:0']],
  ['Cumsum/axis', 'Const', []],
  ['Cumsum', 'Cumsum', ['x:0', 'Cumsum/axis:0']],
  ['Cumprod/axis', 'Const', []],
  ['Cumprod', 'Cumprod', ['x:0', 'Cumprod/axis:0']],
  ['AddN', 'AddN', ['x:0', 'x:0']],
  ['MatMul', 'MatMul', ['x:0', 'x:0']],
  ['Maximum/y', 'Const', []],
  ['Maximum', 'Maximum', ['x:0', 'Maximum/y:0']],
  ['Minimum/y', 'Const', []],
  ['Minimum', 'Minimum', ['x:0', 'Minimum/y:0']],
  ['LogicalAnd', 'LogicalAnd', ['Greater:0', 'Greater:0']],
  ['LogicalNot', 'LogicalNot', ['Greater:0']],
];

describe('TF1 op names, types and inputs', () => {
  it('match real TF for the same calls', () => {
    const x = tf.placeholder('float32', [2, 3], 'x');
    const i = tf.placeholder('int32', [2, 3], 'i');
    tf.reduceSum(x);
    tf.reduceMax(x, 1, { keepdims: true });
    tf.reduceMean(x, null, { name: 'm' });
    tf.argmax(x, 1);
    tf.argmin(x, 0, { outputType: 'int32' });
    tf.clipByValue(x, 0, 1);
    const c = tf.greater(x, 0);
    tf.where(c, x, x);
    tf.where(c);
    tf.cast(x, 'int32');
    tf.cast(3, 'float32');
    tf.pow(x, 2);
    tf.squaredDifference(x, 1);
    tf.equal(x, 1);
    tf.divide(i, 2);
    tf.divide(x, 2);
    tf.floordiv(x, 2);
    tf.floormod(x, 2);
    tf.cumsum(x, 1);
    tf.cumprod(x, 0, { exclusive: true });
    tf.addN([x, x]);
    tf.matmul(x, x, { transposeB: true });
    tf.maximum(x, 0);
    tf.minimum(x, 1);
    tf.logicalAnd(c, c);
    tf.logicalNot(c);
    const ours = tf
      .getDefaultGraph()
      .getOperations()
      .map((op) => [op.name, op.type, op.inputs.map((t) => t.name)]);
    expect(ours).toEqual(TF_GRAPH);
  });

  it('keeps TF attr names', () => {
    const x = tf.placeholder('float32', [2, 3], 'x');
    expect(tf.equal(x, 1).op.getAttr('incompatible_shape_error')).toBe(true);
    const cs = tf.cumsum(x, 1, { reverse: true });
    expect([cs.op.getAttr('exclusive'), cs.op.getAttr('reverse'), cs.op.getAttr('Tidx')]).toEqual([
      false,
      true,
      'int32',
    ]);
    const mm = tf.matmul(x, x, { transposeA: true });
    expect([
      mm.op.getAttr('transpose_a'),
      mm.op.getAttr('transpose_b'),
      mm.op.getAttr('T'),
    ]).toEqual([true, false, 'float32']);
    const s = tf.reduceProd(x, 0);
    expect([s.op.getAttr('keep_dims'), s.op.getAttr('T'), s.op.getAttr('Tidx')]).toEqual([
      false,
      'float32',
      'int32',
    ]);
    expect(tf.addN([x, x, x]).op.getAttr('N')).toBe(3);
  });

  it('names ops given a name, and composites by their scope', () => {
    const x = tf.placeholder('float32', [2], 'x');
    expect(tf.add(x, 1, 'plus').name).toBe('plus:0');
    expect(tf.clipByValue(x, 0, 1, 'clip').name).toBe('clip:0');
    expect(tf.divide(x, 2, 'half').name).toBe('half:0');
    expect(tf.cast(x, 'int32', 'toint').name).toBe('toint:0');
    expect(tf.where(tf.less(x, 0), x, x, 'sel').name).toBe('sel:0');
    expect(tf.reduceSum(x, 0, { name: 'total' }).op.inputs[1]!.name).toBe(
      'total/reduction_indices:0',
    );
  });
});
