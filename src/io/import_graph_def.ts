import { ValueError } from '../errors.js';
import { getDefaultGraph } from '../graph/default.js';
import type { Graph } from '../graph/graph.js';
import type { Operation } from '../graph/operation.js';
import { Tensor } from '../graph/tensor.js';
import type { AttrKind } from '../ops/core/attr.js';
import { applyOpFull } from '../ops/core/apply.js';
import { parseInputDecl } from '../ops/core/define.js';
import { getOpRecord } from '../ops/core/registry.js';
import { symbolicOf, type TensorLike } from '../ops/core/tensor_like.js';
import { decodeGraphDef } from './graph_def_codec.js';
import type { AttrValueObject, GraphDefObject, NodeDefObject } from './graph_def.js';
import { dtypeFromProto, shapeFromProto, tensorFromProto } from './tensor_proto.js';

export interface ImportGraphDefOptions {
  /** Tensors of this graph replacing the imported graph's tensors, keyed 'name:0' or 'name'. */
  inputMap?: Record<string, TensorLike> | ReadonlyMap<string, TensorLike>;
  /** Names in the imported graph ('x:0' tensors, 'init' operations) to return. */
  returnElements?: readonly string[];
  /** Prefix for imported names (made unique); '' imports names as they are. */
  name?: string;
}

const utf8 = new TextDecoder();

function attrFromProto(kind: AttrKind, v: AttrValueObject, where: string): unknown {
  const list = v.list ?? {};
  switch (kind) {
    case 'int':
      return Number(v.i ?? 0);
    case 'float':
      return Number(v.f ?? 0);
    case 'bool':
      return Boolean(v.b);
    case 'string':
      return v.s ? utf8.decode(v.s) : '';
    case 'type':
      return dtypeFromProto(String(v.type ?? 'DT_INVALID'));
    case 'shape':
      return shapeFromProto(v.shape);
    case 'tensor':
      if (!v.tensor) throw new ValueError(`${where}: missing tensor value`);
      return tensorFromProto(v.tensor);
    case 'list(int)':
      return (list.i ?? []).map(Number);
    case 'list(float)':
      return (list.f ?? []).map(Number);
    case 'list(type)':
      return (list.type ?? []).map((t) => dtypeFromProto(String(t)));
    case 'list(shape)':
      return (list.shape ?? []).map((s) => shapeFromProto(s));
    case 'list(string)':
      return (list.s ?? []).map((b) => utf8.decode(b));
    default:
      throw new ValueError(`${where}: attributes of kind ${kind} cannot be imported`);
  }
}

function parseInput(name: string): { control: boolean; op: string; index: number } {
  if (name.startsWith('^')) return { control: true, op: name.slice(1), index: -1 };
  const m = /^(.*):(\d+)$/.exec(name);
  return m ? { control: false, op: m[1]!, index: Number(m[2]) } : { control: false, op: name, index: 0 };
}

/** Nodes in an order where every input comes first (GraphDefs need not be sorted). */
function topoOrder(nodes: readonly NodeDefObject[]): NodeDefObject[] {
  const byName = new Map(nodes.map((n) => [n.name, n]));
  const state = new Map<string, 'visiting' | 'done'>();
  const out: NodeDefObject[] = [];
  const visit = (n: NodeDefObject): void => {
    const s = state.get(n.name);
    if (s === 'done') return;
    if (s === 'visiting') throw new ValueError(`GraphDef has a cycle through node '${n.name}'`);
    state.set(n.name, 'visiting');
    for (const inp of n.input ?? []) {
      const dep = byName.get(parseInput(inp).op);
      if (dep) visit(dep);
    }
    state.set(n.name, 'done');
    out.push(n);
  };
  nodes.forEach(visit);
  return out;
}

/**
 * TF1's import_graph_def: adds the GraphDef's nodes to the default graph under `name/`
 * ('import' by default), with `inputMap` replacing tensors, and returns `returnElements`.
 * `_`-prefixed attributes (TF's _class, _output_shapes) are dropped; missing ones take the
 * op's defaults.
 * @example const [y] = tf.importGraphDef(gd, {inputMap: {'x:0': myInput}, returnElements: ['y:0']})
 */
export function importGraphDef(graphDef: GraphDefObject | Uint8Array, options: ImportGraphDefOptions = {}): (Tensor | Operation)[] | null {
  const gd = graphDef instanceof Uint8Array ? decodeGraphDef(graphDef) : graphDef;
  const graph: Graph = getDefaultGraph();
  graph.checkNotFinalized();
  const inputMap = new Map<string, Tensor>();
  const rawMap = options.inputMap instanceof Map ? [...options.inputMap.entries()] : Object.entries(options.inputMap ?? {});
  for (const [k, v] of rawMap) {
    const t = symbolicOf(v);
    if (!t) throw new ValueError(`input_map values must be Tensors, got ${String(v)} for '${k}'`);
    inputMap.set(k.includes(':') ? k : `${k}:0`, t);
  }
  const used = new Set<string>();
  const nodes = gd.node ?? [];
  for (const n of nodes) {
    if (!getOpRecord(n.op)) throw new ValueError(`Op type not registered '${n.op}' (node '${n.name}')`);
  }
  const prefixName = options.name ?? 'import';
  const build = (scope: string): (Tensor | Operation)[] | null => {
    const created = new Map<string, Operation>();
    const tensorFor = (name: string, where: string): Tensor => {
      const { op, index } = parseInput(name);
      const key = `${op}:${index}`;
      const mapped = inputMap.get(key);
      if (mapped) {
        used.add(key);
        return mapped;
      }
      const src = created.get(op);
      if (!src) throw new ValueError(`${where}: input '${name}' is not a node of the GraphDef`);
      const t = src.outputs[index];
      if (!t) throw new ValueError(`${where}: input '${name}' names output ${index} of '${op}', which has ${src.outputs.length}`);
      return t;
    };
    for (const n of topoOrder(nodes)) {
      const where = `node '${n.name}' (${n.op})`;
      const record = getOpRecord(n.op)!;
      const data: Tensor[] = [];
      const control: Operation[] = [];
      for (const inp of n.input ?? []) {
        const p = parseInput(inp);
        if (p.control) {
          const c = created.get(p.op);
          if (!c) throw new ValueError(`${where}: control input '${inp}' is not a node of the GraphDef`);
          control.push(c);
        } else data.push(tensorFor(inp, where));
      }
      const attrs: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(n.attr ?? {})) {
        const spec = record.attrs[key];
        // TF's private attrs and attrs this op does not model (TF's defaults) are not kept.
        if (key.startsWith('_') || !spec || spec.internal) continue;
        attrs[key] = attrFromProto(spec.kind, value, where);
      }
      const decls = record.inputs.map(parseInputDecl);
      const listLen = data.length - (decls.length - 1);
      let k = 0;
      const grouped: unknown[] = decls.map((d) => {
        if (d.list) {
          const part = data.slice(k, k + listLen);
          k += listLen;
          return part;
        }
        return data[k++];
      });
      const op = applyOpFull(record, grouped, attrs, { name: `${scope}${n.name}/`, graph, controlInputs: control });
      created.set(n.name, op);
    }
    for (const key of inputMap.keys()) {
      if (!used.has(key)) throw new ValueError(`Attempted to map inputs that were not found in graph_def: [${key}]`);
    }
    if (!options.returnElements) return null;
    return options.returnElements.map((name) => {
      if (name.includes(':')) return tensorFor(name, 'return_elements');
      const op = created.get(name);
      if (!op) throw new ValueError(`Requested return_element '${name}' not found in graph_def.`);
      return op;
    });
  };
  return graph.asDefault(() => (prefixName ? graph.nameScope(prefixName, (scope) => build(scope)) : build('')));
}

