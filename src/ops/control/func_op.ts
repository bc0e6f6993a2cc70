import { TfError, ValueError } from '../../errors.js';
import type { Graph } from '../../graph/graph.js';
import type { Operation } from '../../graph/operation.js';
import type { Tensor } from '../../graph/tensor.js';
import { constantValue } from '../core/apply.js';
import { parseAttrs, type AttrSchemas } from '../core/attr.js';
import type { InferInput, OpRecord } from '../core/define.js';

/**
 * Adds an op whose list input mixes dtypes (TF's `list(type)` attrs: If's Tin, While's T,
 * Assert's data), which applyOp's one-dtype-per-group inputs cannot express. Inputs are already
 * tensors of `graph`; attributes are validated by the record's schemas and shapes inferred
 * (errors prefixed with the op, as applyOp does) before the graph is touched.
 * `name` ending in '/' is used as-is (the op named after its scope, `cond` for `cond/`).
 */
export function createListOp(
  record: OpRecord,
  graph: Graph,
  inputs: readonly Tensor[],
  attrValues: Record<string, unknown>,
  name: string,
  controlInputs: readonly Operation[] = [],
): Operation {
  graph.checkNotFinalized();
  const exact = name.endsWith('/');
  const opName = exact ? name.slice(0, -1) : graph.uniqueName(name, false);
  const parsed = parseAttrs(record.attrs as AttrSchemas, attrValues);
  if (!parsed.ok) throw new ValueError(`${record.type} '${opName}': ${parsed.message}`);
  const ins: InferInput[] = inputs.map((t) => ({
    dtype: t.dtype,
    shape: t.shape,
    value: constantValue(t),
  }));
  let outputs;
  try {
    outputs = record.infer(ins, parsed.attrs);
  } catch (e) {
    if (e instanceof TfError) {
      const Ctor = e.constructor as new (m: string) => TfError;
      throw new Ctor(`${record.type} '${opName}': ${e.message}`);
    }
    throw e;
  }
  return graph.createOp({
    type: record.type,
    name: exact ? opName : graph.uniqueName(name, true),
    inputs,
    attrs: parsed.attrs,
    outputs,
    controlInputs,
  });
}
