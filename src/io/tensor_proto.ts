import { ValueError } from '../errors.js';
import type { DType } from '../graph/dtype.js';
import { NDArray } from '../graph/ndarray.js';
import { TensorShape } from '../graph/shape.js';
import { tensorBytes, valuesFromBytes } from './tensor_bytes.js';

/** TF's DataType enum names for the dtypes tfgraph has. */
export const DT_NAME: Record<DType, string> = {
  float32: 'DT_FLOAT',
  float64: 'DT_DOUBLE',
  int32: 'DT_INT32',
  int64: 'DT_INT64',
  bool: 'DT_BOOL',
  string: 'DT_STRING',
};
const FROM_DT = new Map<string, DType>(Object.entries(DT_NAME).map(([k, v]) => [v, k as DType]));

/** A DataType enum name (refs such as DT_FLOAT_REF map to their base type). */
export function dtypeFromProto(name: string): DType {
  const d = FROM_DT.get(name.replace(/_REF$/, ''));
  if (!d) throw new ValueError(`Unsupported DataType ${name}`);
  return d;
}

export interface ShapeProto {
  dim?: { size?: number }[];
  unknownRank?: boolean;
}

export function shapeToProto(s: TensorShape): ShapeProto {
  if (s.dims === null) return { unknownRank: true };
  return s.dims.length === 0 ? {} : { dim: s.dims.map((d) => ({ size: d ?? -1 })) };
}

export function shapeFromProto(p: ShapeProto | undefined | null): TensorShape {
  if (!p || p.unknownRank) return p ? TensorShape.unknown() : TensorShape.scalar();
  // A dim of size 0 decodes without its `size` field (proto3 default).
  return new TensorShape((p.dim ?? []).map((d) => (Number(d.size ?? 0) < 0 ? null : Number(d.size ?? 0))));
}

export interface TensorProtoObject {
  dtype: string;
  tensorShape: ShapeProto;
  tensorContent?: Uint8Array;
  floatVal?: number[];
  doubleVal?: number[];
  intVal?: number[];
  int64Val?: number[];
  boolVal?: boolean[];
  stringVal?: Uint8Array[];
}

/**
 * A TensorProto as TF's make_tensor_proto writes it: numeric tensors of more than one element
 * as tensor_content bytes, single values in the typed *_val field, strings in string_val.
 */
export function tensorToProto(a: NDArray): TensorProtoObject {
  const out: TensorProtoObject = { dtype: DT_NAME[a.dtype], tensorShape: shapeToProto(new TensorShape(a.shape)) };
  if (a.dtype === 'string') {
    const enc = new TextEncoder();
    out.stringVal = (a.data as string[]).map((s) => enc.encode(s));
    return out;
  }
  const values = Array.from(a.data as ArrayLike<number>);
  if (values.length > 1) {
    out.tensorContent = tensorBytes(a);
    return out;
  }
  if (values.length === 0) return out;
  switch (a.dtype) {
    case 'float32':
      out.floatVal = values;
      break;
    case 'float64':
      out.doubleVal = values;
      break;
    case 'int64':
      out.int64Val = values;
      break;
    case 'bool':
      out.boolVal = values.map((v) => v !== 0);
      break;
    default:
      out.intVal = values;
  }
  return out;
}

/** Reads a TensorProto; a short *_val list repeats its last value, as TF does. */
export function tensorFromProto(p: TensorProtoObject): NDArray {
  const dtype = dtypeFromProto(p.dtype);
  const shape = shapeFromProto(p.tensorShape);
  if (!shape.isFullyDefined()) throw new ValueError('A TensorProto must have a fully defined shape');
  const dims = shape.dims as number[];
  const size = dims.reduce((x, y) => x * y, 1);
  if (dtype === 'string') {
    const dec = new TextDecoder();
    const vals = (p.stringVal ?? []).map((b) => dec.decode(b));
    return new NDArray(dtype, dims, Array.from({ length: size }, (_, i) => vals[Math.min(i, vals.length - 1)] ?? ''));
  }
  const content = p.tensorContent;
  let values: ArrayLike<number>;
  if (content && content.length > 0) {
    // protobufjs may hand back a Node Buffer, a view into a shared pool: valuesFromBytes copies.
    values = valuesFromBytes(dtype, content);
  } else {
    const raw: ArrayLike<number | boolean> =
      dtype === 'float32' ? (p.floatVal ?? [])
      : dtype === 'float64' ? (p.doubleVal ?? [])
      : dtype === 'int64' ? (p.int64Val ?? [])
      : dtype === 'bool' ? (p.boolVal ?? [])
      : (p.intVal ?? []);
    const nums = Array.from(raw, Number);
    values = Array.from({ length: size }, (_, i) => (nums.length === 0 ? 0 : nums[Math.min(i, nums.length - 1)]!));
  }
  if (values.length !== size) throw new ValueError(`TensorProto has ${values.length} values for shape ${shape.toString()}`);
  const data = dtype === 'float32' || dtype === 'float64' ? Float32Array.from(values) : dtype === 'bool' ? Uint8Array.from(values) : Int32Array.from(values);
  return new NDArray(dtype, dims, data);
}
