import { TypeError } from '../../errors.js';
import type { DType } from '../../graph/dtype.js';
import type { HostValue } from '../../graph/host_value.js';
import { TensorShape } from '../../graph/shape.js';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import { symbolicOf, type TensorLike } from '../core/tensor_like.js';
import { constant } from './const.js';
import { Fill } from './fill.js';
import { withGraphOf } from './static.js';

/** TF's _constant_if_small: shapes of fewer elements become a Const, larger ones a Fill. */
const SMALL = 1000;

function scalarOf(dtype: DType, one: boolean): HostValue {
  if (dtype === 'bool') return one;
  if (dtype === 'string') return one ? '1' : '';
  return one ? 1 : 0;
}

/** Shared body of tf.zeros and tf.ones (TF1 builds both the same way). */
function filled(
  shape: TensorLike | TensorShape,
  dtype: DType,
  name: string | undefined,
  defaultName: string,
  one: boolean,
): Tensor {
  const dims = shape instanceof TensorShape ? shape : null;
  return withGraphOf([dims ? null : shape], (g) =>
    g.nameScope(name ?? defaultName, (scope) => {
      const value = scalarOf(dtype, one);
      let shapeTensor = dims ? null : symbolicOf(shape);
      if (!shapeTensor) {
        const list = dims ? (dims.asList() as number[]) : Array.from(shape as ArrayLike<number>);
        if (dims && !dims.isFullyDefined())
          throw new TypeError(
            `Cannot convert a partially known TensorShape ${dims.toString()} to a Tensor`,
          );
        if (list.reduce((a, b) => a * b, 1) < SMALL)
          return constant(value, { dtype, shape: list, name: scope });
        shapeTensor = constant(Int32Array.from(list), { dtype: 'int32', name: 'shape_as_tensor' });
      }
      const v = constant(value, { dtype, name: 'Const' });
      return applyOp(Fill, [shapeTensor, v], {}, { name: scope })[0]!;
    }),
  );
}

/**
 * TF1's tf.zeros: a Const for small static shapes, else Fill (also for a shape tensor).
 * @example tf.zeros([2, 3], 'int32')
 */
export function zeros(
  shape: TensorLike | TensorShape,
  dtype: DType = 'float32',
  name?: string,
): Tensor {
  return filled(shape, dtype, name, 'zeros', false);
}

/**
 * TF1's tf.ones: a Const for small static shapes, else Fill (also for a shape tensor).
 * @example tf.ones([2, 3])
 */
export function ones(
  shape: TensorLike | TensorShape,
  dtype: DType = 'float32',
  name?: string,
): Tensor {
  return filled(shape, dtype, name, 'ones', true);
}
