import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { Graph } from '../graph/graph.js';
import { opsOfGraph, VARIABLE_OP_TYPES, type OpInfo } from '../graph/scope_tree.js';
import { TensorShape } from '../graph/shape.js';
import type { GraphDefObject, NodeDefObject } from '../io/graph_def.js';
import { decodeGraphDef } from '../io/graph_def_codec.js';
import { importGraphDef } from '../io/import_graph_def.js';
import { shapeFromProto } from '../io/tensor_proto.js';
import { getOpRecord } from '../ops/core/registry.js';
import { parseGraphDefText } from './pbtxt.js';
// Every op family and hook registered, as a user importing 'tfgraph' has them.
import '../index.js';

/** A GraphDef file seen through tfgraph: its ops, and what could not be imported. */
export interface InspectedGraph {
  ops: OpInfo[];
  /** Op types tfgraph does not know, with the names of their nodes. */
  unknownTypes: Map<string, string[]>;
  /** How many nodes are shown from their NodeDefs alone (not imported, so no inferred shapes). */
  notImported: number;
  /** Why the import failed, when it failed for another reason than unknown op types. */
  importError: string | null;
}

/**
 * Reads a GraphDef file: TF's text format for .pbtxt / .pbtext / .txt, else the binary wire
 * format (tf.io.write_graph's as_text=False), falling back to text when it does not decode.
 */
export function readGraphDefFile(path: string): GraphDefObject {
  const bytes = readFileSync(path);
  const text = (): GraphDefObject => parseGraphDefText(bytes.toString('utf8'));
  if (['.pbtxt', '.pbtext', '.txt'].includes(extname(path).toLowerCase())) return text();
  try {
    return decodeGraphDef(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (binaryError) {
    try {
      return text();
    } catch {
      throw binaryError;
    }
  }
}

function parseInput(name: string): { control: boolean; op: string; index: number } {
  if (name.startsWith('^')) return { control: true, op: name.slice(1), index: 0 };
  const m = /^(.*):(\d+)$/.exec(name);
  return m
    ? { control: false, op: m[1]!, index: Number(m[2]) }
    : { control: false, op: name, index: 0 };
}

/** What a NodeDef alone says: shapes only where TF recorded `_output_shapes` (add_shapes=True). */
export function opInfoOfNodeDef(node: NodeDefObject): OpInfo {
  const inputs = (node.input ?? []).map(parseInput);
  const recorded = node.attr?._output_shapes?.list?.shape ?? [];
  const shapeAttr = node.attr?.shape?.shape;
  return {
    name: node.name,
    type: node.op,
    inputs: inputs.filter((i) => !i.control).map((i) => [i.op, i.index] as const),
    controlInputs: inputs.filter((i) => i.control).map((i) => i.op),
    outputs: recorded.map((s) => shapeFromProto(s)),
    variable: VARIABLE_OP_TYPES.has(node.op)
      ? { shape: shapeFromProto(shapeAttr ?? { unknownRank: true }), trainable: null }
      : null,
  };
}

/**
 * The nodes that can be imported: a known op type whose inputs can all be imported. A node
 * on a cycle (TF's while loops) cannot: importGraphDef takes acyclic graphs.
 */
function importableNodes(nodes: readonly NodeDefObject[]): Set<string> {
  const byName = new Map(nodes.map((n) => [n.name, n]));
  const state = new Map<string, boolean | 'visiting'>();
  const ok = (name: string): boolean => {
    const s = state.get(name);
    if (s !== undefined) return s === true;
    const node = byName.get(name);
    if (!node) return false;
    state.set(name, 'visiting');
    let result = getOpRecord(node.op) !== undefined;
    for (const input of node.input ?? []) if (!ok(parseInput(input).op)) result = false;
    state.set(name, result);
    return result;
  };
  return new Set(nodes.map((n) => n.name).filter(ok));
}

/** TF op types with no outputs; any other op is taken to have at least one. */
const NO_OUTPUTS =
  /^(NoOp|(Assign|AssignAdd|AssignSub)VariableOp|ResourceApply\w+|ResourceScatter\w+|ResourceSparseApply\w+|SaveV2|Save|SaveSlices|Assert|PrintV2|DestroyResourceOp|WriteScalarSummary|WriteHistogramSummary)$/;

/** An inferred shape, refined by the one TF recorded where the inference knows less. */
function refine(inferred: TensorShape, recorded: TensorShape | undefined): TensorShape {
  if (!recorded || inferred.isFullyDefined() || !inferred.isCompatibleWith(recorded))
    return inferred;
  return inferred.mergeWith(recorded);
}

/**
 * Imports the GraphDef into a fresh Graph (names as they are) for shape inference. Nodes of
 * op types tfgraph lacks, and everything downstream of them, keep what their NodeDefs say.
 */
export function inspectGraphDef(gd: GraphDefObject): InspectedGraph {
  const nodes = gd.node ?? [];
  const unknownTypes = new Map<string, string[]>();
  for (const n of nodes) {
    if (getOpRecord(n.op)) continue;
    const list = unknownTypes.get(n.op);
    if (list) list.push(n.name);
    else unknownTypes.set(n.op, [n.name]);
  }
  const importable = importableNodes(nodes);
  const graph = new Graph();
  let importError: string | null = null;
  try {
    const subset = nodes.filter((n) => importable.has(n.name));
    graph.asDefault(() => importGraphDef({ ...gd, node: subset }, { name: '' }));
  } catch (e) {
    importError = e instanceof Error ? e.message : String(e);
  }
  const imported =
    importError === null
      ? new Map(opsOfGraph(graph).map((op) => [op.name, op]))
      : new Map<string, OpInfo>();
  // Outputs something reads, so a node without recorded shapes still has them (unknown).
  const readOutputs = new Map<string, number>();
  for (const n of nodes) {
    for (const input of n.input ?? []) {
      const p = parseInput(input);
      if (!p.control) readOutputs.set(p.op, Math.max(readOutputs.get(p.op) ?? 0, p.index + 1));
    }
  }
  const ops = nodes.map((n): OpInfo => {
    const fromDef = opInfoOfNodeDef(n);
    const op = imported.get(n.name);
    if (op) return { ...op, outputs: op.outputs.map((s, i) => refine(s, fromDef.outputs[i])) };
    const count = Math.max(
      fromDef.outputs.length,
      readOutputs.get(n.name) ?? 0,
      NO_OUTPUTS.test(n.op) ? 0 : 1,
    );
    return {
      ...fromDef,
      outputs: Array.from({ length: count }, (_, i) => fromDef.outputs[i] ?? TensorShape.unknown()),
    };
  });
  return { ops, unknownTypes, notImported: nodes.length - imported.size, importError };
}
