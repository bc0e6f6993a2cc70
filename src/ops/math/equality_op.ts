import type * as tfc from '@tensorflow/tfjs-core';
import { attr } from '../core/attr.js';
import { defineOp, type OpRecord } from '../core/define.js';
import { broadcastShapes } from '../util/broadcast.js';
import { checkDType } from './elementwise.js';

const equalityAttrs = { T: attr.type(), incompatible_shape_error: attr.bool(true) };

/**
 * Equal / NotEqual: broadcasting comparisons that also take bools, with TF's
 * `incompatible_shape_error` attr (true: shapes that do not broadcast are an error).
 */
export function defineEquality(
  type: string,
  kernel: (a: tfc.Tensor, b: tfc.Tensor) => tfc.Tensor,
): OpRecord<typeof equalityAttrs> {
  return defineOp({
    type,
    inputs: ['x', 'y'],
    attrs: equalityAttrs,
    infer: ([x, y], a) => {
      checkDType('x', a.T, 'comparable');
      return [{ dtype: 'bool', shape: broadcastShapes(x!.shape, y!.shape) }];
    },
    kernel: ([x, y]) => [kernel(x!, y!)],
    broadcasts: true,
    // A bool mask: not differentiable (TF's NotDifferentiable).
    grad: 'none',
  });
}
