import { z } from 'zod';
import { TypeError, ValueError } from '../errors.js';
import { DTYPES, type DType } from '../graph/dtype.js';
import {
  AUTO_REUSE,
  VariableScope,
  type Regularizer,
  type ReuseMode,
} from '../variables/variable_scope.js';
import type { Constraint } from '../variables/variable.js';
import { resolveActivation, type Activation, type ActivationLike } from './activations.js';
import {
  resolveInitializer,
  type LayerInitializer,
  type LayerInitializerLike,
} from './initializers.js';

/**
 * Layer option schemas (zod). Each field converts what the user passed (a number or a tuple,
 * any-case padding, an activation name) to the canonical value, or reports an issue whose
 * message names the option and the value, as TF's ValueErrors do.
 */
export type Schema<T> = z.ZodType<T, z.ZodTypeDef, unknown>;
type Check<T> = { ok: T } | { error: string };

/** A field from a conversion function; `undefined` (the option left out) gives `def`. */
export function field<T>(convert: (v: unknown) => Check<T>, def?: () => T): Schema<T> {
  return z.unknown().transform((v, ctx): T => {
    if (v === undefined && def) return def();
    const r = convert(v);
    if ('error' in r) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: r.error });
      return z.NEVER;
    }
    return r.ok;
  });
}

/** A value as an error message shows it: numbers and arrays as written, strings as-is. */
export function show(v: unknown): string {
  if (typeof v === 'function') return `<function ${v.name || 'anonymous'}>`;
  if (Array.isArray(v)) return `[${v.map(show).join(', ')}]`;
  if (typeof v === 'string') return v;
  if (v === null) return 'null';
  if (typeof v === 'object') return Object.prototype.toString.call(v);
  return String(v);
}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

/** A strictly positive integer (filters, units). */
export function positiveInt(name: string, def?: number): Schema<number> {
  return field<number>(
    (v) =>
      isInt(v) && v > 0
        ? { ok: v }
        : {
            error: `Invalid value for argument \`${name}\`. Expected a strictly positive integer. Received ${name}=${show(v)}`,
          },
    def === undefined ? undefined : () => def,
  );
}

/**
 * TF's normalize_tuple: a number means that number on each of `n` axes; a list must have `n`
 * entries. `min` is the smallest entry allowed (1 for sizes and strides, 0 for paddings).
 */
export function intTuple(
  n: number,
  name: string,
  def?: number | readonly number[],
  min = 1,
): Schema<number[]> {
  const kind = min > 0 ? 'positive integers' : 'non-negative integers';
  return field<number[]>(
    (v) => {
      const list = isInt(v)
        ? new Array<number>(n).fill(v)
        : Array.isArray(v)
          ? [...(v as unknown[])]
          : null;
      if (list === null || list.length !== n || !list.every(isInt)) {
        return {
          error: `The \`${name}\` argument must be a tuple of ${n} integers. Received: ${show(v)}`,
        };
      }
      if (list.some((x) => x < min))
        return {
          error: `The \`${name}\` argument must be a tuple of ${n} ${kind}. Received: ${show(v)}`,
        };
      return { ok: list };
    },
    def === undefined
      ? undefined
      : () => (typeof def === 'number' ? new Array<number>(n).fill(def) : [...def]),
  );
}

/** Like intTuple, or null (the default: let the layer infer it). */
export function optionalIntTuple(n: number, name: string, min = 0): Schema<number[] | null> {
  const inner = intTuple(n, name, undefined, min);
  return field<number[] | null>(
    (v) => {
      if (v === null) return { ok: null };
      const r = inner.safeParse(v);
      return r.success
        ? { ok: r.data }
        : { error: r.error.issues[0]?.message ?? `bad \`${name}\`` };
    },
    () => null,
  );
}

export type Padding = 'valid' | 'same';
export type DataFormat = 'channels_last' | 'channels_first';

/** 'valid' or 'same', any case (TF's normalize_padding). */
export const padding: Schema<Padding> = field<Padding>(
  (v) => {
    const p = typeof v === 'string' ? v.toLowerCase() : null;
    return p === 'valid' || p === 'same'
      ? { ok: p }
      : { error: `The \`padding\` argument must be one of "valid", "same". Received: ${show(v)}` };
  },
  () => 'valid',
);

/** 'channels_last' (default) or 'channels_first' (TF's normalize_data_format). */
export const dataFormat: Schema<DataFormat> = field<DataFormat>(
  (v) => {
    const d = typeof v === 'string' ? v.toLowerCase() : null;
    return d === 'channels_last' || d === 'channels_first'
      ? { ok: d }
      : {
          error: `The \`dataFormat\` argument must be one of "channels_first", "channels_last". Received: ${show(v)}`,
        };
  },
  () => 'channels_last',
);

export function bool(name: string, def: boolean): Schema<boolean> {
  return field<boolean>(
    (v) =>
      typeof v === 'boolean'
        ? { ok: v }
        : { error: `The \`${name}\` argument must be a boolean. Received: ${show(v)}` },
    () => def,
  );
}

export function num(
  name: string,
  def: number,
  check: (x: number) => boolean = () => true,
  what = 'a number',
): Schema<number> {
  return field<number>(
    (v) =>
      typeof v === 'number' && check(v)
        ? { ok: v }
        : { error: `The \`${name}\` argument must be ${what}. Received: ${show(v)}` },
    () => def,
  );
}

export function fn<T>(name: string, what: string): Schema<T | null> {
  return field<T | null>(
    (v) =>
      v === null || typeof v === 'function'
        ? { ok: v as T | null }
        : { error: `The \`${name}\` argument must be ${what} or null. Received: ${show(v)}` },
    () => null,
  );
}

export const regularizer = (name: string): Schema<Regularizer | null> =>
  fn<Regularizer>(name, 'a regularizer function (tensor -> loss)');
export const constraint = (name: string): Schema<Constraint | null> =>
  fn<Constraint>(name, 'a constraint function (tensor -> tensor)');

export const activation: Schema<Activation | null> = field<Activation | null>(
  (v) => {
    try {
      return { ok: resolveActivation(v as ActivationLike | null) };
    } catch (e) {
      return { error: (e as Error).message };
    }
  },
  () => null,
);

/** An initializer, its name ('zeros', 'glorot_uniform', ...), or null (the variable scope's default). */
export function initializer(
  name: string,
  def: () => LayerInitializer | null = () => null,
): Schema<LayerInitializer | null> {
  return field<LayerInitializer | null>((v) => {
    if (v === null) return { ok: null };
    try {
      return { ok: resolveInitializer(v as LayerInitializerLike) };
    } catch (e) {
      return { error: `The \`${name}\` argument: ${(e as Error).message}` };
    }
  }, def);
}

export const dtype: Schema<DType | null> = field<DType | null>(
  (v) =>
    v === null || (typeof v === 'string' && (DTYPES as readonly string[]).includes(v))
      ? { ok: v as DType | null }
      : {
          error: `The \`dtype\` argument must be one of ${DTYPES.join(', ')}. Received: ${show(v)}`,
        },
  () => null,
);

export const name: Schema<string | null> = field<string | null>(
  (v) =>
    v === null || typeof v === 'string'
      ? { ok: v as string | null }
      : { error: `The \`name\` argument must be a string. Received: ${show(v)}` },
  () => null,
);

export const reuse: Schema<ReuseMode | null> = field<ReuseMode | null>(
  (v) =>
    v === null || typeof v === 'boolean' || v === AUTO_REUSE
      ? { ok: v as ReuseMode | null }
      : {
          error: `The \`reuse\` argument must be true, false, tf.AUTO_REUSE or null. Received: ${show(v)}`,
        },
  () => null,
);

export const scope: Schema<string | VariableScope | null> = field<string | VariableScope | null>(
  (v) =>
    v === null || typeof v === 'string' || v instanceof VariableScope
      ? { ok: v as string | VariableScope | null }
      : {
          error: `The \`_scope\` argument must be a string or a VariableScope. Received: ${show(v)}`,
        },
  () => null,
);

/** The options every layer takes (tf.layers.Layer's constructor). */
export const baseShape = {
  trainable: bool('trainable', true),
  name,
  dtype,
  activityRegularizer: regularizer('activityRegularizer'),
  /** What functional forms pass: the scope to capture at construction, and reuse. */
  _scope: scope,
  _reuse: reuse,
};

/**
 * Parses `options` with `schema`. Unknown keys throw TypeError as Python does for an unknown
 * keyword argument; a bad value throws ValueError naming the option and the value.
 */
export function parseOptions<T>(
  schema: z.ZodType<T, z.ZodTypeDef, unknown>,
  options: unknown,
  className: string,
): T {
  if (
    options !== undefined &&
    (typeof options !== 'object' || options === null || Array.isArray(options))
  ) {
    throw new TypeError(`${className} options must be an object, got ${show(options)}`);
  }
  const r = schema.safeParse(options ?? {});
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  if (issue.code === z.ZodIssueCode.unrecognized_keys) {
    throw new TypeError(`${className}: keyword argument not understood: ${issue.keys.join(', ')}`);
  }
  const where = issue.path.length > 0 ? '' : `${className}: `;
  throw new ValueError(`${where}${issue.message}`);
}

/** Strict object schema of a layer's options. */
export function optionsSchema<S extends z.ZodRawShape>(shape: S) {
  return z.object(shape).strict();
}

/** The base-layer fields of parsed options, for a subclass to pass to Layer's constructor. */
export function baseOf(o: {
  trainable: boolean;
  name: string | null;
  dtype: DType | null;
  activityRegularizer: Regularizer | null;
  _scope: string | VariableScope | null;
  _reuse: ReuseMode | null;
}): {
  trainable: boolean;
  name: string | null;
  dtype: DType | null;
  activityRegularizer: Regularizer | null;
  _scope: string | VariableScope | null;
  _reuse: ReuseMode | null;
} {
  return {
    trainable: o.trainable,
    name: o.name,
    dtype: o.dtype,
    activityRegularizer: o.activityRegularizer,
    _scope: o._scope,
    _reuse: o._reuse,
  };
}
