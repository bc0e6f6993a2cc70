import { z } from 'zod';
import { DTYPES, type DType } from '../../graph/dtype.js';
import { NDArray } from '../../graph/ndarray.js';
import { TensorShape } from '../../graph/shape.js';

/** The AttrValue field a GraphDef stores an attribute in. */
export type AttrKind =
  | 'int'
  | 'float'
  | 'bool'
  | 'string'
  | 'type'
  | 'shape'
  | 'tensor'
  | 'func'
  | 'list(int)'
  | 'list(float)'
  | 'list(type)'
  | 'list(shape)'
  | 'list(string)';

/**
 * One attribute of an op: how a GraphDef stores it and the zod schema that both validates a
 * builder's value and gives its static type.
 */
export interface AttrSpec<T> {
  readonly kind: AttrKind;
  readonly schema: z.ZodType<T, z.ZodTypeDef, unknown>;
  /** Internal attrs (sub-graphs) are not written to GraphDefs as TF attrs. */
  readonly internal?: boolean;
}

export type AttrSchemas = Record<string, AttrSpec<unknown>>;
export type Attrs<S extends AttrSchemas> = { readonly [K in keyof S]: S[K] extends AttrSpec<infer T> ? T : never };

function spec<T>(kind: AttrKind, schema: z.ZodType<T, z.ZodTypeDef, unknown>, internal = false): AttrSpec<T> {
  return { kind, schema, internal };
}

function withDefault<T>(schema: z.ZodType<T, z.ZodTypeDef, unknown>, def: T | undefined): z.ZodType<T, z.ZodTypeDef, unknown> {
  return def === undefined ? schema : (schema.optional().transform((v) => (v === undefined ? def : v)) as z.ZodType<T, z.ZodTypeDef, unknown>);
}

const dtypeSchema = z.enum(DTYPES);
const intSchema = z.number().int();
const shapeSchema = z
  .union([z.instanceof(TensorShape), z.array(z.number().int().nonnegative().nullable()), z.null()])
  .transform((s) => TensorShape.from(s));

/** A sub-graph attribute (cond branches, loop bodies): opaque to attribute parsing. */
export interface FuncAttr {
  readonly kind: 'func';
  readonly name: string;
}

export const attr = {
  int: (def?: number) => spec('int', withDefault(intSchema, def)),
  float: (def?: number) => spec('float', withDefault(z.number(), def)),
  bool: (def?: boolean) => spec('bool', withDefault(z.boolean(), def)),
  string: (def?: string) => spec('string', withDefault(z.string(), def)),
  oneOf: <const V extends readonly [string, ...string[]]>(values: V, def?: V[number]) =>
    spec<V[number]>('string', withDefault(z.custom<V[number]>((x) => typeof x === 'string' && values.includes(x), `expected one of ${values.join(', ')}`), def)),
  type: (def?: DType) => spec<DType>('type', withDefault(dtypeSchema, def)),
  shape: (def?: TensorShape) => spec<TensorShape>('shape', withDefault(shapeSchema, def)),
  tensor: () => spec<NDArray>('tensor', z.instanceof(NDArray)),
  ints: (def?: readonly number[]) => spec<readonly number[]>('list(int)', withDefault(z.array(intSchema).readonly(), def)),
  floats: (def?: readonly number[]) => spec<readonly number[]>('list(float)', withDefault(z.array(z.number()).readonly(), def)),
  types: (def?: readonly DType[]) => spec<readonly DType[]>('list(type)', withDefault(z.array(dtypeSchema).readonly(), def)),
  shapes: (def?: readonly TensorShape[]) => spec<readonly TensorShape[]>('list(shape)', withDefault(z.array(shapeSchema).readonly(), def)),
  strings: (def?: readonly string[]) => spec<readonly string[]>('list(string)', withDefault(z.array(z.string()).readonly(), def)),
  /** Any JS value the op's own code interprets (sub-graphs); kept out of GraphDef attrs. */
  opaque: <T>(check: (x: unknown) => x is T) => spec<T>('func', z.custom<T>(check), true),
};

/** Parses builder attribute values with the op's schemas; zod issues become one message. */
export function parseAttrs<S extends AttrSchemas>(schemas: S, values: Record<string, unknown>): { ok: true; attrs: Attrs<S> } | { ok: false; message: string } {
  const out: Record<string, unknown> = {};
  for (const [key, s] of Object.entries(schemas)) {
    const r = s.schema.safeParse(values[key]);
    if (!r.success) {
      const got = values[key] === undefined ? 'nothing' : JSON.stringify(values[key]);
      return { ok: false, message: `attr '${key}' (${s.kind}): ${r.error.issues.map((i) => i.message).join('; ')}; got ${got}` };
    }
    out[key] = r.data;
  }
  for (const key of Object.keys(values)) {
    if (!(key in schemas) && values[key] !== undefined) {
      return { ok: false, message: `unknown attr '${key}'` };
    }
  }
  return { ok: true, attrs: Object.freeze(out) as Attrs<S> };
}
