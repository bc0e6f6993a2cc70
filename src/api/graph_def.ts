// tf.GraphDef: re-exports only.
export { encodeGraphDef as encode, decodeGraphDef as decode } from '../io/graph_def_codec.js';
export { graphDefToText as toText } from '../io/write_graph.js';
export type { GraphDefObject, NodeDefObject, AttrValueObject } from '../io/graph_def.js';
