import * as tfc from '@tensorflow/tfjs-core';
import { ValueError } from '../../errors.js';
import { TensorShape } from '../../graph/shape.js';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import { attr } from '../core/attr.js';
import { defineOp } from '../core/define.js';
import type { TensorLike } from '../core/tensor_like.js';
import { zerosLike } from '../array/zeros_like.js';
import { matrixSetDiag } from './matrix_set_diag.js';

/** TF1's MatrixDiagPart: the main diagonal of the innermost matrices, [..., min(M, N)]. */
export const MatrixDiagPart = defineOp({
  type: 'MatrixDiagPart',
  inputs: ['input'],
  attrs: { T: attr.type() },
  infer: ([x], a) => {
    if (x!.shape.dims === null) return [{ dtype: a.T, shape: TensorShape.unknown() }];
    if (x!.shape.dims.length < 2) throw new ValueError(`input must be at least 2-dim, received shape: ${x!.shape.toBracketString()}`);
    const m = x!.shape.dim(-2);
    const n = x!.shape.dim(-1);
    return [{ dtype: a.T, shape: new TensorShape([...x!.shape.dims.slice(0, -2), m === null || n === null ? null : Math.min(m, n)]) }];
  },
  kernel: ([x]) => {
    const shape = x!.shape;
    const m = shape[shape.length - 2]!;
    const n = shape[shape.length - 1]!;
    const k = Math.min(m, n);
    // Element (i, i) of each flattened [M * N] matrix sits at i * (N + 1).
    const flat = tfc.reshape(x!, [...shape.slice(0, -2), m * n]);
    const idx = tfc.tensor1d(Array.from({ length: k }, (_, i) => i * (n + 1)), 'int32');
    return [tfc.gather(flat, idx, shape.length - 2)];
  },
  // TF's _MatrixDiagPartGrad: a diagonal matrix when square, else the diagonal set into zeros.
  grad: ({ inputs: [x] }, [dy]) => {
    const m = x!.shape.dim(-2);
    const square = m !== null && m === x!.shape.dim(-1);
    return { input: square ? matrixDiag(dy!) : matrixSetDiag(zerosLike(x!), dy!) };
  },
});

/** TF1's MatrixDiag: square matrices with `diagonal` on the main diagonal. */
export const MatrixDiag = defineOp({
  type: 'MatrixDiag',
  inputs: ['diagonal'],
  attrs: { T: attr.type() },
  infer: ([d], a) => {
    if (d!.shape.dims === null) return [{ dtype: a.T, shape: TensorShape.unknown() }];
    const k = d!.shape.dim(-1);
    return [{ dtype: a.T, shape: new TensorShape([...d!.shape.dims, k]) }];
  },
  kernel: ([d]) => {
    const k = d!.shape[d!.shape.length - 1]!;
    const eye = tfc.eye(k, k, undefined, d!.dtype as 'float32');
    return [tfc.mul(tfc.expandDims(d!, -1), eye)];
  },
  grad: (_ctx, [dy]) => ({ diagonal: matrixDiagPart(dy!) }),
});

/** @example tf.linalg.diagPart(m) */
export function matrixDiagPart(input: TensorLike, name?: string): Tensor {
  return applyOp(MatrixDiagPart, [input], {}, { name: name ?? 'MatrixDiagPart' })[0]!;
}

/** @example tf.linalg.diag(v) */
export function matrixDiag(diagonal: TensorLike, name?: string): Tensor {
  return applyOp(MatrixDiag, [diagonal], {}, { name: name ?? 'MatrixDiag' })[0]!;
}
