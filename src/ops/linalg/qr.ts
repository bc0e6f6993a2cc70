import * as tfc from '@tensorflow/tfjs-core';
import { ValueError } from '../../errors.js';
import { TensorShape, type Dim } from '../../graph/shape.js';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import { attr } from '../core/attr.js';
import { defineOp } from '../core/define.js';
import type { TensorLike } from '../core/tensor_like.js';

/**
 * TF's Qr: q [..., M, P] with orthonormal columns and upper-triangular r [..., P, N],
 * P = min(M, N) unless full_matrices. The kernel is tfjs' Householder QR.
 */
export const Qr = defineOp({
  type: 'Qr',
  inputs: ['input'],
  attrs: { full_matrices: attr.bool(false), T: attr.type() },
  infer: ([x], a) => {
    if (x!.shape.rank !== null && x!.shape.rank < 2) throw new ValueError(`Shape must be at least rank 2 but is rank ${x!.shape.rank}`);
    if (x!.shape.dims === null) return [{ dtype: a.T, shape: TensorShape.unknown() }, { dtype: a.T, shape: TensorShape.unknown() }];
    const batch = x!.shape.dims.slice(0, -2);
    const m = x!.shape.dim(-2);
    const n = x!.shape.dim(-1);
    const p: Dim = m === null || n === null ? null : Math.min(m, n);
    const qCols = a.full_matrices ? m : p;
    const rRows = a.full_matrices ? m : p;
    return [
      { dtype: a.T, shape: new TensorShape([...batch, m, qCols]) },
      { dtype: a.T, shape: new TensorShape([...batch, rRows, n]) },
    ];
  },
  kernel: ([x], a) => tfc.linalg.qr(x!, a.full_matrices),
  // TF1: TF has a (deep-matrix) QR gradient; tfgraph uses Qr only to build orthogonal
  // initial values, so it is not differentiable here.
  grad: 'none',
});

/** QR decomposition: [q, r]. @example const [q, r] = tf.linalg.qr(a) */
export function qr(input: TensorLike, options: { fullMatrices?: boolean; name?: string } = {}): [Tensor, Tensor] {
  const [q, r] = applyOp(Qr, [input], { full_matrices: options.fullMatrices ?? false }, { name: options.name ?? 'Qr' });
  return [q!, r!];
}
