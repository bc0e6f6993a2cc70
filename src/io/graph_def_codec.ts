import { protoType } from '../proto/tf_protos.js';
import type { GraphDefObject } from './graph_def.js';

const GraphDefType = protoType('GraphDef');

/** TF's binary protobuf wire format of a GraphDef. @example const bytes = tf.GraphDef.encode(g.asGraphDef()) */
export function encodeGraphDef(gd: GraphDefObject): Uint8Array {
  return GraphDefType.encode(GraphDefType.fromObject(gd)).finish();
}

/** Parses a binary GraphDef (as TF's tf.io.write_graph(..., as_text=False) writes it). */
export function decodeGraphDef(bytes: Uint8Array): GraphDefObject {
  const msg = GraphDefType.decode(bytes);
  return GraphDefType.toObject(msg, { enums: String, longs: Number, defaults: false }) as GraphDefObject;
}
