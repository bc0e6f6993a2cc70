import type * as tfc from '@tensorflow/tfjs-core';
import { TypeError } from '../../errors.js';
import { isFloating, type DType } from '../../graph/dtype.js';
import { attr } from '../core/attr.js';
import { defineOp, type GradFn, type OpRecord } from '../core/define.js';
import { broadcastShapes } from '../util/broadcast.js';

const T = { T: attr.type() };
export type TAttrs = typeof T;

/**
 * The dtypes an op's type attr accepts, as TF's op registrations group them:
 * 'float' (floating only), 'number' (ints and floats), 'int' (integers only),
 * 'comparable' (numbers and bool, e.g. Equal) and 'any' (no check).
 */
export type Allowed = 'float' | 'number' | 'int' | 'comparable' | 'any';

/** TF's allowed-type lists, in the order TF's error messages print them. */
const ALLOWED_NAMES: Record<Exclude<Allowed, 'any'>, string> = {
  float: 'bfloat16, float16, float32, float64',
  number:
    'bfloat16, float16, float32, float64, int8, int16, int32, int64, uint8, uint16, uint32, uint64',
  int: 'int8, int16, int32, int64, uint8, uint16, uint32, uint64',
  comparable:
    'bfloat16, float16, float32, float64, uint8, int8, int16, int32, int64, uint16, uint32, uint64, bool',
};

function accepts(d: DType, allowed: Allowed): boolean {
  switch (allowed) {
    case 'float':
      return isFloating(d);
    case 'number':
      return d !== 'string' && d !== 'bool';
    case 'int':
      return d === 'int32' || d === 'int64';
    case 'comparable':
      return d !== 'string';
    default:
      return true;
  }
}

/** TF's TypeError for a dtype outside an op's type constraint, naming the parameter. */
export function checkDType(param: string, d: DType, allowed: Allowed): void {
  if (allowed === 'any' || accepts(d, allowed)) return;
  throw new TypeError(
    `Value passed to parameter '${param}' has DataType ${d} not in list of allowed values: ${ALLOWED_NAMES[allowed]}`,
  );
}

export interface ElementwiseOptions {
  /** The type constraint on T (default 'number'). */
  allowed?: Allowed;
  /** The output dtype when it is not T (comparisons give bool). */
  outDType?: DType;
}

/**
 * A broadcasting binary op with inputs x, y of one dtype T. The gradient rule returns
 * output-shaped gradients; the gradient driver sums them back to each input's shape.
 */
export function defineBinary(
  type: string,
  kernel: (a: tfc.Tensor, b: tfc.Tensor) => tfc.Tensor,
  grad?: GradFn<TAttrs> | 'none',
  opts: ElementwiseOptions = {},
): OpRecord<TAttrs> {
  return defineOp({
    type,
    inputs: ['x', 'y'],
    attrs: T,
    infer: ([x, y], a) => {
      checkDType('x', a.T, opts.allowed ?? 'number');
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
  opts: ElementwiseOptions = {},
): OpRecord<TAttrs> {
  return defineOp({
    type,
    inputs: ['x'],
    attrs: T,
    infer: ([x], a) => {
      checkDType('x', a.T, opts.allowed ?? 'number');
      return [{ dtype: opts.outDType ?? a.T, shape: x!.shape }];
    },
    kernel: ([x]) => [kernel(x!)],
    ...(grad === undefined ? {} : { grad }),
  });
}
