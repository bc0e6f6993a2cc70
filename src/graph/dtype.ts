import { TypeError } from '../errors.js';

/**
 * TF dtypes as tfjs spells them. float64 and int64 are accepted and computed in float32/int32
 * (as tfjs does) but keep their TF name in GraphDefs and checkpoints.
 */
export const DTYPES = ['float32', 'int32', 'bool', 'string', 'float64', 'int64'] as const;
export type DType = (typeof DTYPES)[number];

/** The dtype tfjs computes a TF dtype in. */
export type ComputeDType = 'float32' | 'int32' | 'bool' | 'string';

export function isDType(x: unknown): x is DType {
  return typeof x === 'string' && (DTYPES as readonly string[]).includes(x);
}

export function asDType(x: unknown, what = 'dtype'): DType {
  if (isDType(x)) return x;
  throw new TypeError(`Cannot convert ${JSON.stringify(x)} to a dtype for ${what}; expected one of ${DTYPES.join(', ')}`);
}

export function computeDType(d: DType): ComputeDType {
  if (d === 'float64') return 'float32';
  if (d === 'int64') return 'int32';
  return d;
}

export function isFloating(d: DType): boolean {
  return d === 'float32' || d === 'float64';
}

export function isInteger(d: DType): boolean {
  return d === 'int32' || d === 'int64';
}

/** TF's own short dtype names, used in error messages (`dtype float`). */
export function tfDTypeName(d: DType): string {
  switch (d) {
    case 'float32':
      return 'float';
    case 'float64':
      return 'double';
    default:
      return d;
  }
}
