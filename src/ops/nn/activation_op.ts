import type * as tfc from '@tensorflow/tfjs-core';
import { TypeError, ValueError } from '../../errors.js';
import { isFloating, type DType } from '../../graph/dtype.js';
import type { TensorShape } from '../../graph/shape.js';
import { attr, type AttrSchemas, type Attrs } from '../core/attr.js';
import { defineOp, type GradFn, type OpRecord } from '../core/define.js';

/** TF's allowed-type lists, in the order TF's error messages print them. */
const FLOAT_TYPES = 'float16, bfloat16, float32, float64';
const REAL_TYPES =
  'float32, float64, int32, uint8, int16, int8, int64, bfloat16, uint16, float16, uint32, uint64';

export type Allowed = 'float' | 'real';

/** TF's TypeError for a dtype outside an op's type constraint, naming the input. */
export function checkDType(input: string, d: DType, allowed: Allowed): void {
  const ok = allowed === 'float' ? isFloating(d) : d !== 'string' && d !== 'bool';
  if (!ok) {
    throw new TypeError(
      `Value passed to parameter '${input}' has DataType ${d} not in list of allowed values: ${allowed === 'float' ? FLOAT_TYPES : REAL_TYPES}`,
    );
  }
}

/**
 * TF's MergeBothInputsShapeFn: the two inputs of an elementwise gradient op must have
 * compatible shapes; the output has the merged shape.
 */
export function mergeBoth(a: TensorShape, b: TensorShape): TensorShape {
  if (a.dims !== null && b.dims !== null) {
    if (a.dims.length !== b.dims.length) {
      throw new ValueError(
        `Shapes must be equal rank, but are ${a.dims.length} and ${b.dims.length}. Shapes are ${a.toBracketString()} and ${b.toBracketString()}.`,
      );
    }
    a.dims.forEach((d, i) => {
      const e = b.dims![i] ?? null;
      if (d !== null && e !== null && d !== e) {
        throw new ValueError(
          `Dimension ${i} in both shapes must be equal, but are ${d} and ${e}. Shapes are ${a.toBracketString()} and ${b.toBracketString()}.`,
        );
      }
    });
  }
  return a.mergeWith(b);
}

const T = { T: attr.type() };

/** The T attr of parsed attrs that extend T (TS cannot see through the generic intersection). */
function dtypeOf(a: object): DType {
  return (a as Attrs<typeof T>).T;
}

/**
 * A shape-preserving activation with one input named as TF names it ('features', 'x',
 * 'logits') and extra attrs (LeakyRelu's alpha).
 */
export function defineActivation<E extends AttrSchemas = Record<never, never>>(spec: {
  type: string;
  input: string;
  allowed: Allowed;
  kernel: (x: tfc.Tensor, attrs: Attrs<typeof T & E>) => tfc.Tensor;
  grad: GradFn<typeof T & E>;
  attrs?: E;
  minRank?: number;
}): OpRecord<typeof T & E> {
  const attrs = { ...T, ...(spec.attrs ?? {}) } as typeof T & E;
  return defineOp({
    type: spec.type,
    inputs: [spec.input],
    attrs,
    infer: ([x], a) => {
      const dtype = dtypeOf(a);
      checkDType(spec.input, dtype, spec.allowed);
      if (spec.minRank !== undefined) x!.shape.withRankAtLeast(spec.minRank);
      return [{ dtype, shape: x!.shape }];
    },
    kernel: ([x], a) => [spec.kernel(x!, a)],
    grad: spec.grad,
  });
}

/**
 * An activation's gradient op: two same-shaped inputs (TF's names, e.g. 'gradients' and
 * 'features', or 'y' and 'dy'), one output of their merged shape.
 */
export function defineActivationGrad<E extends AttrSchemas = Record<never, never>>(spec: {
  type: string;
  inputs: readonly [string, string];
  allowed: Allowed;
  kernel: (a: tfc.Tensor, b: tfc.Tensor, attrs: Attrs<typeof T & E>) => tfc.Tensor;
  grad: GradFn<typeof T & E>;
  attrs?: E;
}): OpRecord<typeof T & E> {
  const attrs = { ...T, ...(spec.attrs ?? {}) } as typeof T & E;
  return defineOp({
    type: spec.type,
    inputs: spec.inputs,
    attrs,
    infer: ([a, b], at) => {
      const dtype = dtypeOf(at);
      checkDType(spec.inputs[0], dtype, spec.allowed);
      return [{ dtype, shape: mergeBoth(a!.shape, b!.shape) }];
    },
    kernel: ([a, b], at) => [spec.kernel(a!, b!, at)],
    grad: spec.grad,
  });
}
