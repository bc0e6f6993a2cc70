import * as tfc from '@tensorflow/tfjs-core';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import type { TensorLike } from '../core/tensor_like.js';
import { defineBinary } from './elementwise.js';
import { inScope } from './scope.js';

/** floor(x / y); tfjs' floorDiv always returns int32, so floats take floor(div). */
function floorDivKernel(a: tfc.Tensor, b: tfc.Tensor): tfc.Tensor {
  return a.dtype === 'int32' ? tfc.floorDiv(a, b) : tfc.floor(tfc.div(a, b));
}

// TF's _FloorDivGrad returns None for both inputs.
export const FloorDiv = defineBinary('FloorDiv', floorDivKernel, 'none');

/** TF1's tf.floordiv: FloorDiv named by a 'floordiv' scope. @example tf.floordiv(i, 2) */
export function floordiv(x: TensorLike, y: TensorLike, name?: string): Tensor {
  return inScope(
    [x, y],
    name ?? 'floordiv',
    (scope) => applyOp(FloorDiv, [x, y], {}, { name: scope })[0]!,
  );
}
