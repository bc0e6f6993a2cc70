import * as tfc from '@tensorflow/tfjs-core';
import { ValueError } from '../../errors.js';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import { attr } from '../core/attr.js';
import { defineOp } from '../core/define.js';
import type { TensorLike } from '../core/tensor_like.js';
import { zerosLike } from '../array/zeros_like.js';
import { matrixDiagPart } from './matrix_diag_part.js';

/** TF1's MatrixSetDiag: `input` with its main diagonal replaced by `diagonal`. */
export const MatrixSetDiag = defineOp({
  type: 'MatrixSetDiag',
  inputs: ['input', 'diagonal'],
  attrs: { T: attr.type() },
  infer: ([x, d], a) => {
    if (x!.shape.rank !== null && x!.shape.rank < 2) throw new ValueError(`input must be at least a matrix, got shape ${x!.shape.toBracketString()}`);
    if (x!.shape.dims !== null && d!.shape.dims !== null) {
      const m = x!.shape.dim(-2);
      const n = x!.shape.dim(-1);
      const k = d!.shape.dim(-1);
      if (m !== null && n !== null && k !== null && k !== Math.min(m, n)) {
        throw new ValueError(`diagonal must have ${Math.min(m, n)} entries, got ${k}`);
      }
    }
    return [{ dtype: a.T, shape: x!.shape }];
  },
  kernel: ([x, d]) => {
    const m = x!.shape[x!.shape.length - 2]!;
    const n = x!.shape[x!.shape.length - 1]!;
    const k = Math.min(m, n);
    const eye = tfc.eye(m, n, undefined, x!.dtype as 'float32');
    // Spread the diagonal over an [M, N] identity pattern, keep the off-diagonal input.
    const padded = tfc.pad(d!, [...d!.shape.slice(0, -1).map((): [number, number] => [0, 0]), [0, n - k]]);
    return [tfc.add(tfc.mul(x!, tfc.sub(1, eye)), tfc.mul(tfc.expandDims(padded, -2), eye))];
  },
  grad: (_ctx, [dy]) => ({ input: matrixSetDiag(dy!, zerosLike(matrixDiagPart(dy!))), diagonal: matrixDiagPart(dy!) }),
});

/** @example tf.linalg.setDiag(m, v) */
export function matrixSetDiag(input: TensorLike, diagonal: TensorLike, name?: string): Tensor {
  return applyOp(MatrixSetDiag, [input, diagonal], {}, { name: name ?? 'MatrixSetDiag' })[0]!;
}
