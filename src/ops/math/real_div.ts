import * as tfc from '@tensorflow/tfjs-core';
import { isInteger } from '../../graph/dtype.js';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import { symbolicOf, type TensorLike } from '../core/tensor_like.js';
import { cast } from './cast.js';
import { defineBinary } from './elementwise.js';
import { multiply } from './mul.js';
import { negative } from './neg.js';
import { asTensor, inScope } from './scope.js';

/** C's integer division, which TF's RealDiv does on ints: truncation toward zero. */
function realDivKernel(a: tfc.Tensor, b: tfc.Tensor): tfc.Tensor {
  if (a.dtype !== 'int32') return tfc.div(a, b);
  return tfc.cast(tfc.div(tfc.cast(a, 'float32'), tfc.cast(b, 'float32')), 'int32');
}

// TF's _RealDivGrad: dx = dy / y; dy = dy * ((-x / y) / y).
export const RealDiv = defineBinary('RealDiv', realDivKernel, ({ inputs: [x, y] }, [dy]) => ({
  x: realdiv(dy!, y!),
  y: multiply(dy!, realdiv(realdiv(negative(x!), y!), y!)),
}));

/** The RealDiv op itself (integers divide with truncation). @example tf.realdiv(x, y) */
export function realdiv(x: TensorLike, y: TensorLike, name?: string): Tensor {
  return applyOp(RealDiv, [x, y], {}, { name })[0]!;
}

/**
 * TF1's tf.divide / tf.truediv (Python 3 `/`): integer inputs are cast to float64 first, then
 * RealDiv, all in a 'truediv' scope whose name the RealDiv takes.
 * @example tf.divide(x, 2)
 */
export function divide(x: TensorLike, y: TensorLike, name?: string): Tensor {
  return inScope([x, y], name ?? 'truediv', (scope) => {
    const t = symbolicOf(x) ?? symbolicOf(y);
    if (!t || !isInteger(t.dtype)) return applyOp(RealDiv, [x, y], {}, { name: scope })[0]!;
    const tx = asTensor(x, t.dtype, 'x');
    const ty = asTensor(y, t.dtype, 'y');
    return applyOp(RealDiv, [cast(tx, 'float64'), cast(ty, 'float64')], {}, { name: scope })[0]!;
  });
}

/** Alias of {@link divide} (TF1's tf.truediv). @example tf.truediv(a, b) */
export const truediv = divide;
