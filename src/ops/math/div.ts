import { isInteger } from '../../graph/dtype.js';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import { symbolicOf, type TensorLike } from '../core/tensor_like.js';
import { FloorDiv } from './floor_div.js';
import { RealDiv } from './real_div.js';
import { inScope } from './scope.js';

/**
 * TF1's deprecated tf.div (Python 2 division): FloorDiv for integers, RealDiv otherwise, named
 * by a 'div' scope.
 * @example tf.div(i, 2)
 */
export function div(x: TensorLike, y: TensorLike, name?: string): Tensor {
  return inScope([x, y], name ?? 'div', (scope) => {
    const t = symbolicOf(x) ?? symbolicOf(y);
    const record = t && isInteger(t.dtype) ? FloorDiv : RealDiv;
    return applyOp(record, [x, y], {}, { name: scope })[0]!;
  });
}
