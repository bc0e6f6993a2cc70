import { TfError, TypeError, ValueError } from '../../errors.js';
import { isInteger, type DType } from '../../graph/dtype.js';
import type { Graph } from '../../graph/graph.js';
import { inferHostDType, toNDArray } from '../../graph/host_value.js';
import { NDArray } from '../../graph/ndarray.js';
import type { Operation } from '../../graph/operation.js';
import { TensorShape, type Dim } from '../../graph/shape.js';
import type { Tensor } from '../../graph/tensor.js';
import { Const } from '../array/const.js';
import { autopack, holdsTensor } from '../array/pack.js';
import { parseAttrs, type AttrSchemas } from './attr.js';
import { parseInputDecl, type InferInput, type OpRecord, type ParsedInputDecl } from './define.js';
import { graphOf, symbolicOf } from './tensor_like.js';

/** Known-at-build-time values of tensors whose op declares `constValue`. */
const constValues = new WeakMap<Tensor, NDArray>();

export function constantValue(t: Tensor): NDArray | null {
  if (t.op.type === 'Const') return t.op.attrs['value'] as NDArray;
  return constValues.get(t) ?? null;
}

/** Partly known values of integer scalars and vectors whose op declares `partialValue`. */
const partialValues = new WeakMap<Tensor, readonly Dim[]>();

/** The entries of an integer scalar or vector, or null for other values. */
function intEntries(v: NDArray): readonly Dim[] | null {
  if (v.shape.length > 1 || !isInteger(v.dtype)) return null;
  return Array.from(v.data as ArrayLike<number>);
}

/**
 * What is known of an integer scalar or vector tensor's entries while building (null entries
 * unknown): its constant value, or what its op's `partialValue` worked out.
 */
export function partialValue(t: Tensor): readonly Dim[] | null {
  const v = constantValue(t);
  if (v) return intEntries(v);
  return partialValues.get(t) ?? null;
}

type Resolved = { kind: 'tensor'; tensor: Tensor } | { kind: 'host'; raw: unknown; value: NDArray | null };

interface ResolvedInput {
  decl: ParsedInputDecl;
  items: Resolved[];
}

export interface ApplyOptions {
  name?: string | undefined;
  /** Overrides the graph (used by importGraphDef); defaults to the inputs' graph. */
  graph?: Graph;
  controlInputs?: readonly Operation[];
}

const DTYPE_NAMES: Record<DType, string> = { float32: 'float32', float64: 'float64', int32: 'int32', int64: 'int64', bool: 'bool', string: 'string' };

function compatible(actual: DType, wanted: DType): boolean {
  if (actual === wanted) return true;
  // int32 and int64 share tfjs' int32 storage; index-like inputs accept either, as TF does.
  return (actual === 'int64' && wanted === 'int32') || (actual === 'int32' && wanted === 'int64');
}

/**
 * Adds an op of `record`'s type: converts host inputs to Consts (in the op's name scope, as
 * TF names them 'Add/y'), parses attributes, infers output shapes, and only then touches the
 * graph, so a failure leaves it as it was.
 */
export function applyOp<S extends AttrSchemas>(
  record: OpRecord<S>,
  inputs: readonly unknown[],
  attrValues: Record<string, unknown> = {},
  options: ApplyOptions = {},
): Tensor[] {
  return applyOpFull(record, inputs, attrValues, options).outputs as Tensor[];
}

export function applyOpFull<S extends AttrSchemas>(
  record: OpRecord<S>,
  inputs: readonly unknown[],
  attrValues: Record<string, unknown> = {},
  options: ApplyOptions = {},
): Operation {
  const graph = options.graph ?? graphOf(inputs);
  graph.checkNotFinalized();
  const decls = record.inputs.map(parseInputDecl);
  const baseName = options.name ?? record.type;
  const opName = baseName.endsWith('/') ? baseName.slice(0, -1) : graph.uniqueName(baseName, false);
  const where = (): string => `${record.type} '${opName}'`;

  if (inputs.length !== decls.length) {
    throw new TypeError(`${where()}: expected ${decls.length} inputs (${record.inputs.join(', ')}), got ${inputs.length}`);
  }

  // TF's autopacking: a list holding tensors, given for a single-tensor input, becomes a Pack
  // named '<op>/<input>' (reshape(x, [shape(x)[0], -1]) packs 'Reshape/shape').
  const given = inputs.map((raw, i) => {
    const decl = decls[i]!;
    if (decl.list || !holdsTensor(raw)) return raw;
    return graph.asDefault(() => graph.nameScope(`${opName}/`, () => autopack(raw, decl.name, decl.fixed ?? undefined)));
  });

  const resolved: ResolvedInput[] = decls.map((decl, i) => {
    const raw = given[i];
    const list = decl.list ? raw : [raw];
    if (!Array.isArray(list)) throw new TypeError(`${where()}: input '${decl.name}' must be a list of tensors`);
    return {
      decl,
      items: list.map((v): Resolved => {
        const t = symbolicOf(v);
        return t ? { kind: 'tensor', tensor: t } : { kind: 'host', raw: v, value: null };
      }),
    };
  });

  // Resolve each type group: a symbolic input decides, then an explicit attr, then the attr's
  // default, then the host value's own dtype.
  const groupType = new Map<string, DType>();
  const explicit = attrValues;
  for (const r of resolved) {
    if (r.decl.fixed) continue;
    for (const it of r.items) {
      if (it.kind === 'tensor' && !groupType.has(r.decl.typeGroup)) groupType.set(r.decl.typeGroup, it.tensor.dtype);
    }
  }
  for (const r of resolved) {
    const g = r.decl.typeGroup;
    if (r.decl.fixed || groupType.has(g)) continue;
    const given = explicit[g];
    if (typeof given === 'string') {
      groupType.set(g, given as DType);
      continue;
    }
    const schema = record.attrs[g];
    const def = schema?.schema.safeParse(undefined);
    if (def?.success && typeof def.data === 'string') {
      groupType.set(g, def.data as DType);
      continue;
    }
    const firstHost = r.items.find((it) => it.kind === 'host');
    if (firstHost && firstHost.kind === 'host') groupType.set(g, inferHostDType(firstHost.raw));
  }

  // Check dtypes and convert host values.
  let firstOfGroup = new Map<string, string>();
  for (const r of resolved) {
    const wanted = r.decl.fixed ?? groupType.get(r.decl.typeGroup);
    r.items.forEach((it, k) => {
      const argName = r.decl.list ? `${r.decl.name}[${k}]` : r.decl.name;
      if (it.kind === 'host') {
        try {
          it.value = toNDArray(it.raw, wanted, `${argName}`);
        } catch (e) {
          if (e instanceof TfError) {
            throw new TypeError(`Expected ${wanted ?? 'a tensor'} passed to parameter '${r.decl.name}' of op '${record.type}', got ${preview(it.raw)} instead. Error: ${e.message}`);
          }
          throw e;
        }
        return;
      }
      if (wanted && !compatible(it.tensor.dtype, wanted)) {
        if (r.decl.fixed) {
          throw new TypeError(`Input '${r.decl.name}' of '${record.type}' Op has type ${DTYPE_NAMES[it.tensor.dtype]} that does not match expected type of ${DTYPE_NAMES[wanted]}.`);
        }
        const first = firstOfGroup.get(r.decl.typeGroup) ?? r.decl.name;
        throw new TypeError(`Input '${r.decl.name}' of '${record.type}' Op has type ${DTYPE_NAMES[it.tensor.dtype]} that does not match type ${DTYPE_NAMES[wanted]} of argument '${first}'.`);
      }
      if (!firstOfGroup.has(r.decl.typeGroup)) firstOfGroup.set(r.decl.typeGroup, r.decl.name);
    });
  }
  firstOfGroup = new Map();

  // Fill the type attrs and list lengths the schema declares.
  const filled: Record<string, unknown> = { ...attrValues };
  for (const [g, d] of groupType) if (g in record.attrs && filled[g] === undefined) filled[g] = d;
  for (const r of resolved) if (r.decl.list && 'N' in record.attrs && filled['N'] === undefined) filled['N'] = r.items.length;
  const parsed = parseAttrs(record.attrs, filled);
  if (!parsed.ok) throw new ValueError(`${where()}: ${parsed.message}`);

  const inferInputs: InferInput[] = resolved.flatMap((r) =>
    r.items.map((it): InferInput => {
      if (it.kind === 'tensor') return { dtype: it.tensor.dtype, shape: it.tensor.shape, value: constantValue(it.tensor), partial: partialValue(it.tensor) };
      const v = it.value!;
      return { dtype: v.dtype, shape: new TensorShape(v.shape), value: v, partial: intEntries(v) };
    }),
  );
  let outputs;
  try {
    outputs = record.infer(inferInputs, parsed.attrs);
  } catch (e) {
    if (e instanceof TfError) {
      const shapes = inferInputs.map((i) => i.shape.toBracketString()).join(', ');
      const Ctor = e.constructor as new (m: string) => TfError;
      throw new Ctor(`${where()}: ${e.message}${shapes ? ` (input shapes: ${shapes})` : ''}`);
    }
    throw e;
  }

  // Everything validated: now build.
  const finalName = baseName.endsWith('/') ? opName : graph.uniqueName(baseName, true);
  const inputTensors: Tensor[] = [];
  graph.nameScope(`${finalName}/`, () => {
    for (const r of resolved) {
      r.items.forEach((it, k) => {
        if (it.kind === 'tensor') {
          inputTensors.push(it.tensor);
          return;
        }
        const v = it.value!;
        // TF names list entries convert_n_to_tensor-style: values_0, values_1, ...
        const constName = graph.uniqueName(r.decl.list ? `${r.decl.name}_${k}` : r.decl.name);
        const c = graph.createOp({
          type: Const.type,
          name: constName,
          inputs: [],
          attrs: { value: v, dtype: v.dtype },
          outputs: [{ dtype: v.dtype, shape: new TensorShape(v.shape) }],
        });
        inputTensors.push(c.outputs[0]!);
      });
    }
  });
  const op = graph.createOp({
    type: record.type,
    name: finalName,
    inputs: inputTensors,
    attrs: parsed.attrs,
    outputs,
    controlInputs: options.controlInputs ?? [],
  });
  const out0 = op.outputs[0];
  if (record.constValue && out0) {
    const v = record.constValue(inferInputs, parsed.attrs);
    if (v) constValues.set(out0, v);
  }
  if (record.partialValue && out0 && !constValues.has(out0) && isInteger(out0.dtype) && (out0.shape.rank === 0 || out0.shape.rank === 1)) {
    const p = record.partialValue(inferInputs, parsed.attrs);
    const fits = p !== null && (out0.shape.rank === 0 ? p.length === 1 : (out0.shape.dim(0) ?? p.length) === p.length);
    // Fully known is simply known: downstream shape functions then see a value.
    if (fits && p.every((d) => d !== null)) {
      constValues.set(out0, new NDArray(out0.dtype, out0.shape.rank === 0 ? [] : [p.length], Int32Array.from(p as number[])));
    } else if (fits) partialValues.set(out0, p);
  }
  return op;
}

function preview(x: unknown): string {
  const s = JSON.stringify(x) ?? String(x);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}
