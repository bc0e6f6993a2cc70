import * as tfc from '@tensorflow/tfjs-core';
import { UnimplementedError } from '../../errors.js';
import { computeDType, isFloating, isInteger, type DType } from '../../graph/dtype.js';
import { NDArray } from '../../graph/ndarray.js';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import { attr } from '../core/attr.js';
import { defineOp } from '../core/define.js';
import { symbolicOf, type TensorLike } from '../core/tensor_like.js';
import { asTensor, inScope } from './scope.js';

/** A build-time value cast as the kernel would (floats to ints truncate; anything to bool is != 0). */
function castHost(v: NDArray, to: DType): NDArray | null {
  if (v.dtype === 'string' || to === 'string' || Array.isArray(v.data)) return null;
  const src = v.data;
  if (to === 'bool')
    return new NDArray(
      to,
      v.shape,
      Uint8Array.from(src, (x) => (x !== 0 ? 1 : 0)),
    );
  if (isInteger(to))
    return new NDArray(
      to,
      v.shape,
      Int32Array.from(src, (x) => Math.trunc(x)),
    );
  return new NDArray(to, v.shape, Float32Array.from(src));
}

export const Cast = defineOp({
  type: 'Cast',
  inputs: ['x:SrcT'],
  attrs: { SrcT: attr.type(), DstT: attr.type(), Truncate: attr.bool(false) },
  infer: ([x], a) => [{ dtype: a.DstT, shape: x!.shape }],
  kernel: ([x], a) => {
    const to = computeDType(a.DstT);
    if ((a.SrcT === 'string') !== (a.DstT === 'string')) {
      throw new UnimplementedError(`Cast ${a.SrcT} to ${a.DstT} is not supported`);
    }
    if (x!.dtype === to) return [tfc.clone(x!)];
    // TF's cast to bool is x != 0; tfjs 4.22's wasm Cast copies into a Uint8Array instead
    // (0.5 -> 0, -1 -> 255).
    if (to === 'bool') return [tfc.notEqual(x!, tfc.zerosLike(x!))];
    return [tfc.cast(x!, to)];
  },
  // TF's _CastGrad: the gradient passes back (cast to the source type) between floating types
  // only; a cast from or to an integer or bool stops it.
  grad: ({ attrs }, [dy]) => ({
    x: isFloating(attrs.SrcT) && isFloating(attrs.DstT) ? cast(dy!, attrs.SrcT) : null,
  }),
  constValue: ([x], a) => (x!.value ? castHost(x!.value, a.DstT) : null),
});

/**
 * TF1's tf.cast: a tensor already of `dtype` comes back unchanged (no op); otherwise a Cast
 * named by the 'Cast' scope (a host value first becomes the Const 'Cast/x').
 * @example tf.cast(mask, 'float32')
 */
export function cast(x: TensorLike, dtype: DType, name?: string): Tensor {
  const t = symbolicOf(x);
  if (t && t.dtype === dtype) return t;
  return inScope([x], name ?? 'Cast', (scope) => {
    const v = asTensor(x, undefined, 'x');
    if (v.dtype === dtype) return v;
    return applyOp(Cast, [v], { DstT: dtype }, { name: scope })[0]!;
  });
}
