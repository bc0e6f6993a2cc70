import * as tfc from '@tensorflow/tfjs-core';
import { InvalidArgumentError, ValueError } from '../../errors.js';
import { TensorShape } from '../../graph/shape.js';
import type { Tensor } from '../../graph/tensor.js';
import { zerosLike } from '../array/zeros_like.js';
import { applyOp } from '../core/apply.js';
import { attr } from '../core/attr.js';
import { defineOp } from '../core/define.js';
import type { TensorLike } from '../core/tensor_like.js';
import { mergeShapes } from './shapes.js';
import { whereIndices } from './where.js';

const shapeStr = (s: readonly number[]): string => `[${s.join(',')}]`;

/**
 * TF1's Select: t and e of one shape; condition either that shape, a scalar, or a vector
 * choosing whole rows (slices along the first axis).
 */
export const Select = defineOp({
  type: 'Select',
  inputs: ['condition:bool', 't', 'e'],
  attrs: { T: attr.type() },
  infer: ([c, t, e], a) => {
    // TF's shape function: merge t with e, then check the condition against the result.
    const data = mergeShapes(t!.shape, e!.shape);
    const cond = c!.shape;
    if (cond.rank === null || data.rank === null || cond.rank === 0)
      return [{ dtype: a.T, shape: data }];
    if (cond.rank !== 1 || data.rank === 0) return [{ dtype: a.T, shape: mergeShapes(data, cond) }];
    mergeShapes(cond, new TensorShape([data.dim(0)]));
    return [{ dtype: a.T, shape: data }];
  },
  kernel: ([c, t, e]) => {
    if (!tfc.util.arraysEqual(t!.shape, e!.shape)) {
      throw new InvalidArgumentError(
        `'then' and 'else' must have the same size.  but received: ${shapeStr(t!.shape)} vs. ${shapeStr(e!.shape)}`,
      );
    }
    let cond = c!;
    if (cond.rank === 1 && t!.rank > 1) {
      if (cond.shape[0] !== t!.shape[0]) {
        throw new InvalidArgumentError(
          `Number of batches of 'then' must match size of 'cond', but saw: ${t!.shape[0]} vs. ${cond.shape[0]}`,
        );
      }
      // A vector condition picks rows: give it trailing size-1 axes to broadcast.
      cond = tfc.reshape(cond, [cond.shape[0]!, ...new Array<number>(t!.rank - 1).fill(1)]);
    } else if (cond.rank !== 0 && !tfc.util.arraysEqual(cond.shape, t!.shape)) {
      throw new InvalidArgumentError(
        `'cond' and 'then' must have the same size.  but received: ${shapeStr(cond.shape)} vs. ${shapeStr(t!.shape)}`,
      );
    }
    return [tfc.where(cond, t!, e!)];
  },
  // TF's _SelectGrad: the gradient goes to t where the condition holds, to e elsewhere.
  grad: ({ inputs: [c, t] }, [dy]) => {
    const zeros = zerosLike(t!);
    return { condition: null, t: select(c!, dy!, zeros), e: select(c!, zeros, dy!) };
  },
});

/** The Select op. @example tf.select(mask, x, y) */
export function select(condition: TensorLike, t: TensorLike, e: TensorLike, name?: string): Tensor {
  return applyOp(Select, [condition, t, e], {}, { name })[0]!;
}

/**
 * TF1's tf.where: with x and y, Select (elementwise, or whole rows for a vector condition);
 * with neither, the int64 coordinates of the true elements (the Where op).
 * @example tf.where(tf.greater(x, 0), x, tf.zerosLike(x))
 */
export function where(
  condition: TensorLike,
  x?: TensorLike | null,
  y?: TensorLike | null,
  name?: string,
): Tensor {
  const noX = x === undefined || x === null;
  const noY = y === undefined || y === null;
  if (noX && noY) return whereIndices(condition, name);
  if (noX || noY) throw new ValueError('x and y must both be non-None or both be None.');
  return select(condition, x, y, name);
}
