import type * as tfc from '@tensorflow/tfjs-core';
import { defineOp, type OpRecord } from '../core/define.js';
import { broadcastShapes } from '../util/broadcast.js';

/** LogicalAnd / LogicalOr: bool inputs (no type attr), broadcasting, not differentiable. */
export function defineLogicalBinary(
  type: string,
  kernel: (a: tfc.Tensor, b: tfc.Tensor) => tfc.Tensor,
): OpRecord<Record<never, never>> {
  return defineOp({
    type,
    inputs: ['x:bool', 'y:bool'],
    attrs: {},
    infer: ([x, y]) => [{ dtype: 'bool', shape: broadcastShapes(x!.shape, y!.shape) }],
    kernel: ([x, y]) => [kernel(x!, y!)],
    broadcasts: true,
    grad: 'none',
  });
}
