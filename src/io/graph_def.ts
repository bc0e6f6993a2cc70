import type { DType } from '../graph/dtype.js';
import type { Graph } from '../graph/graph.js';
import { setGraphDefExporter } from '../graph/graph_def_hook.js';
import type { NDArray } from '../graph/ndarray.js';
import type { Operation } from '../graph/operation.js';
import type { TensorShape } from '../graph/shape.js';
import type { AttrKind } from '../ops/core/attr.js';
import { getOpRecord } from '../ops/core/registry.js';
import { DT_NAME, shapeToProto, tensorToProto, type ShapeProto, type TensorProtoObject } from './tensor_proto.js';

/** TF's GraphDef version this writer claims (TF 2.21's GRAPH_DEF_VERSION). */
export const GRAPH_DEF_PRODUCER = 2474;

/** An AttrValue in TF's JSON form (one field set; enums as names). */
export interface AttrValueObject {
  s?: Uint8Array;
  i?: number;
  f?: number;
  b?: boolean;
  type?: string;
  shape?: ShapeProto;
  tensor?: TensorProtoObject;
  list?: { s?: Uint8Array[]; i?: number[]; f?: number[]; b?: boolean[]; type?: string[]; shape?: ShapeProto[]; tensor?: TensorProtoObject[] };
}

export interface NodeDefObject {
  name: string;
  op: string;
  input?: string[];
  device?: string;
  attr?: Record<string, AttrValueObject>;
}

/** TF's GraphDef as a plain object (protobuf JSON field names). */
export interface GraphDefObject {
  node: NodeDefObject[];
  versions?: { producer?: number; minConsumer?: number; badConsumers?: number[] };
}

const utf8 = new TextEncoder();

export function attrToProto(kind: AttrKind, value: unknown): AttrValueObject | null {
  switch (kind) {
    case 'int':
      return { i: value as number };
    case 'float':
      return { f: value as number };
    case 'bool':
      return { b: value as boolean };
    case 'string':
      return { s: utf8.encode(value as string) };
    case 'type':
      return { type: DT_NAME[value as DType] };
    case 'shape':
      return { shape: shapeToProto(value as TensorShape) };
    case 'tensor':
      return { tensor: tensorToProto(value as NDArray) };
    case 'list(int)':
      return { list: { i: [...(value as number[])] } };
    case 'list(float)':
      return { list: { f: [...(value as number[])] } };
    case 'list(type)':
      return { list: { type: (value as DType[]).map((d) => DT_NAME[d]) } };
    case 'list(shape)':
      return { list: { shape: (value as TensorShape[]).map(shapeToProto) } };
    case 'list(string)':
      return { list: { s: (value as string[]).map((s) => utf8.encode(s)) } };
    default:
      return null;
  }
}

/** A tensor input as a NodeDef names it: 'op' for output 0, 'op:k' otherwise. */
export function inputName(t: { op: Operation; valueIndex: number }): string {
  return t.valueIndex === 0 ? t.op.name : `${t.op.name}:${t.valueIndex}`;
}

export function nodeDefOf(op: Operation): NodeDefObject {
  const record = getOpRecord(op.type);
  const attr: Record<string, AttrValueObject> = {};
  for (const key of Object.keys(op.attrs).sort()) {
    const spec = record?.attrs[key];
    if (!spec || spec.internal) continue;
    const v = attrToProto(spec.kind, op.attrs[key]);
    if (v) attr[key] = v;
  }
  const input = [...op.inputs.map(inputName), ...op.controlInputs.map((c) => `^${c.name}`)];
  return { name: op.name, op: op.type, ...(input.length ? { input } : {}), ...(Object.keys(attr).length ? { attr } : {}) };
}

/**
 * The graph as TF's GraphDef (nodes in creation order, which is topological).
 * @example const gd = tf.getDefaultGraph().asGraphDef()
 */
export function graphToGraphDef(graph: Graph): GraphDefObject {
  return { node: graph.operations.map(nodeDefOf), versions: { producer: GRAPH_DEF_PRODUCER } };
}

setGraphDefExporter(graphToGraphDef);

