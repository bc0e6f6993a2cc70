import type * as tfc from '@tensorflow/tfjs-core';
import { TypeError } from '../../errors.js';
import { isFloating, type DType } from '../../graph/dtype.js';
import { attr } from '../core/attr.js';
import { defineOp, type GradFn, type OpRecord } from '../core/define.js';
import { broadcastShapes } from '../util/broadcast.js';

const T = { T: attr.type() };
type TAttrs = typeof T;

/** Dtypes an arithmetic op accepts (TF registers these kernels for numbers only). */
function checkNumeric(type: string, d: DType, allowed: 'number' | 'float'): void {
  const ok = allowed === 'float' ? isFloating(d) : d !== 'string' && d !== 'bool';
  if (!ok) throw new TypeError(`Value passed to parameter 'x' has DataType ${d} not in list of allowed values for ${type}`);
}

/** A broadcasting binary op with inputs x, y of one dtype T. */
export function defineBinary(
  type: string,
  kernel: (a: tfc.Tensor, b: tfc.Tensor) => tfc.Tensor,
  grad?: GradFn<TAttrs> | 'none',
  opts: { allowed?: 'number' | 'float' | 'any'; outDType?: DType } = {},
): OpRecord<TAttrs> {
  return defineOp({
    type,
    inputs: ['x', 'y'],
    attrs: T,
    infer: ([x, y], a) => {
      if (opts.allowed !== 'any') checkNumeric(type, a.T, opts.allowed ?? 'number');
      return [{ dtype: opts.outDType ?? a.T, shape: broadcastShapes(x!.shape, y!.shape) }];
    },
    kernel: ([x, y]) => [kernel(x!, y!)],
    broadcasts: true,
    ...(grad === undefined ? {} : { grad }),
  });
}

/** A shape-preserving unary op with input x of dtype T. */
export function defineUnary(
  type: string,
  kernel: (x: tfc.Tensor) => tfc.Tensor,
  grad?: GradFn<TAttrs> | 'none',
  opts: { allowed?: 'number' | 'float' | 'any'; outDType?: DType } = {},
): OpRecord<TAttrs> {
  return defineOp({
    type,
    inputs: ['x'],
    attrs: T,
    infer: ([x], a) => {
      if (opts.allowed !== 'any') checkNumeric(type, a.T, opts.allowed ?? 'number');
      return [{ dtype: opts.outDType ?? a.T, shape: x!.shape }];
    },
    kernel: ([x]) => [kernel(x!)],
    ...(grad === undefined ? {} : { grad }),
  });
}
