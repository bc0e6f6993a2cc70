import * as tfc from '@tensorflow/tfjs-core';
import { ValueError } from '../../errors.js';
import { TensorShape } from '../../graph/shape.js';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import { attr } from '../core/attr.js';
import { defineOp } from '../core/define.js';
import type { TensorLike } from '../core/tensor_like.js';
import { checkDType } from './elementwise.js';

export const MatMul = defineOp({
  type: 'MatMul',
  inputs: ['a', 'b'],
  attrs: { transpose_a: attr.bool(false), transpose_b: attr.bool(false), T: attr.type() },
  infer: ([a, b], at) => {
    checkDType('a', at.T, 'number');
    const sa = a!.shape.withRankOrThrow(2, 'a');
    const sb = b!.shape.withRankOrThrow(2, 'b');
    const [m, k1] = at.transpose_a ? [sa[1]!, sa[0]!] : [sa[0]!, sa[1]!];
    const [k2, n] = at.transpose_b ? [sb[1]!, sb[0]!] : [sb[0]!, sb[1]!];
    if (k1 !== null && k2 !== null && k1 !== k2) {
      throw new ValueError(
        `Dimensions must be equal, but are ${k1} and ${k2} for 'MatMul' with input shapes: ${a!.shape.toBracketString()}, ${b!.shape.toBracketString()}.`,
      );
    }
    return [{ dtype: at.T, shape: new TensorShape([m, n]) }];
  },
  kernel: ([a, b], at, ctx) => {
    // tfjs 4.22's wasm BatchMatMul takes float32 only: int32 goes through float32 there (exact
    // while every partial sum stays within 2^24).
    if (a!.dtype === 'int32' && ctx.backendName === 'wasm') {
      return [tfc.cast(tfc.matMul(tfc.cast(a!, 'float32'), tfc.cast(b!, 'float32'), at.transpose_a, at.transpose_b), 'int32')];
    }
    return [tfc.matMul(a!, b!, at.transpose_a, at.transpose_b)];
  },
  // TF's _MatMulGrad, one case per transpose combination.
  grad: ({ inputs: [a, b], attrs: { transpose_a: ta, transpose_b: tb } }, [dy]) => {
    const g = dy!;
    if (!ta && !tb)
      return { a: matmul(g, b!, { transposeB: true }), b: matmul(a!, g, { transposeA: true }) };
    if (!ta && tb) return { a: matmul(g, b!), b: matmul(g, a!, { transposeA: true }) };
    if (ta && !tb) return { a: matmul(b!, g, { transposeB: true }), b: matmul(a!, g) };
    return {
      a: matmul(b!, g, { transposeA: true, transposeB: true }),
      b: matmul(g, a!, { transposeA: true, transposeB: true }),
    };
  },
});

export interface MatmulOptions {
  transposeA?: boolean;
  transposeB?: boolean;
  name?: string;
}

/** Matrix product of two rank-2 tensors. @example tf.matmul(x, w, {transposeB: true}) */
export function matmul(a: TensorLike, b: TensorLike, options: MatmulOptions = {}): Tensor {
  return applyOp(
    MatMul,
    [a, b],
    { transpose_a: options.transposeA ?? false, transpose_b: options.transposeB ?? false },
    { name: options.name },
  )[0]!;
}
