import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Graph } from '../graph/graph.js';
import { graphToGraphDef, type GraphDefObject } from './graph_def.js';
import { encodeGraphDef } from './graph_def_codec.js';
import { toTextFormat } from './text_format.js';

/** The GraphDef in TF's text format (`.pbtxt`). @example console.log(tf.GraphDef.toText(g.asGraphDef())) */
export function graphDefToText(gd: GraphDefObject): string {
  return toTextFormat('GraphDef', gd);
}

/**
 * TF1's tf.train.write_graph: writes `logdir/name` as text (default) or binary protobuf and
 * returns the path.
 * @example tf.train.writeGraph(tf.getDefaultGraph(), 'logs', 'graph.pbtxt')
 */
export function writeGraph(graphOrGraphDef: Graph | GraphDefObject, logdir: string, name: string, asText = true): string {
  const gd = graphOrGraphDef instanceof Graph ? graphToGraphDef(graphOrGraphDef) : graphOrGraphDef;
  mkdirSync(logdir, { recursive: true });
  const path = join(logdir, name);
  writeFileSync(path, asText ? graphDefToText(gd) : encodeGraphDef(gd));
  return path;
}
