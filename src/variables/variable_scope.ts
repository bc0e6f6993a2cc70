import { TypeError, ValueError } from '../errors.js';
import { GraphKeys } from '../graph/collections.js';
import { getDefaultGraph } from '../graph/default.js';
import { isFloating, isInteger, type DType } from '../graph/dtype.js';
import type { Graph } from '../graph/graph.js';
import { TensorShape, type ShapeLike } from '../graph/shape.js';
import type { Tensor } from '../graph/tensor.js';
import { graphOf, type TensorLike } from '../ops/core/tensor_like.js';
import { callInitializer, glorotUniformInitializer, Initializer, zerosInitializer, type InitializerLike } from '../init/initializers.js';
import { Variable, type Constraint } from './variable.js';

/** TF's reuse=tf.AUTO_REUSE: get the variable if it exists, create it otherwise. */
export const AUTO_REUSE: unique symbol = Symbol('AUTO_REUSE');
export type ReuseMode = boolean | typeof AUTO_REUSE;

/** A regularizer builds a scalar loss from a weight tensor (null: no loss). */
export type Regularizer = (weights: Tensor) => Tensor | null;

/** The variable's initial value: an initializer, or a tensor / host value (then no shape). */
export type GetVariableInitializer = InitializerLike | TensorLike;

export interface GetVariableOptions {
  shape?: ShapeLike;
  dtype?: DType;
  initializer?: GetVariableInitializer | null;
  regularizer?: Regularizer | null;
  trainable?: boolean;
  collections?: readonly string[];
  validateShape?: boolean;
  constraint?: Constraint | null;
}

/**
 * A variable scope: carries the name prefix for getVariable and the defaults it applies
 * (reuse, initializer, regularizer, dtype, constraint).
 */
export class VariableScope {
  reuse: ReuseMode;
  readonly name: string;
  initializer: InitializerLike | null;
  regularizer: Regularizer | null;
  dtype: DType;
  constraint: Constraint | null;
  /** The name scope ops of this scope were first created in ('foo/'). */
  readonly originalNameScope: string;

  constructor(args: { reuse: ReuseMode; name: string; initializer?: InitializerLike | null; regularizer?: Regularizer | null; dtype?: DType; constraint?: Constraint | null; nameScope?: string }) {
    this.reuse = args.reuse;
    this.name = args.name;
    this.initializer = args.initializer ?? null;
    this.regularizer = args.regularizer ?? null;
    this.dtype = args.dtype ?? 'float32';
    this.constraint = args.constraint ?? null;
    this.originalNameScope = args.nameScope ?? '';
  }

  reuseVariables(): void {
    this.reuse = true;
  }

  setInitializer(init: InitializerLike | null): void {
    this.initializer = init;
  }

  setRegularizer(reg: Regularizer | null): void {
    this.regularizer = reg;
  }

  setDtype(dtype: DType): void {
    this.dtype = dtype;
  }

  /** Gets or creates `name` in this scope; see tf.getVariable. */
  getVariable(name: string, options: GetVariableOptions = {}, graph: Graph = getDefaultGraph()): Variable {
    // An empty name is the scope itself (TF's slot variables are made this way).
    const fullName = !name ? this.name : this.name ? `${this.name}/${name}` : name;
    const initializer = options.initializer === undefined || options.initializer === null ? this.initializer : options.initializer;
    const regularizer = options.regularizer === undefined || options.regularizer === null ? this.regularizer : options.regularizer;
    const constraint = options.constraint === undefined || options.constraint === null ? this.constraint : options.constraint;
    const dtype = options.dtype ?? this.dtype;
    // Variable names depend only on the variable scope, so creation happens at the root name scope.
    return graph.nameScope(null, () => storeOf(graph).getVariable(graph, fullName, { ...options, initializer, regularizer, constraint, dtype }, this.reuse));
  }
}

class VariableStore {
  readonly vars = new Map<string, Variable>();
  current: VariableScope = new VariableScope({ reuse: false, name: '' });
  scopeCounts = new Map<string, number>();

  getVariable(graph: Graph, name: string, o: GetVariableOptions & { dtype: DType }, reuse: ReuseMode): Variable {
    const shape = o.shape === undefined ? null : TensorShape.from(o.shape);
    const found = this.vars.get(name);
    if (found) {
      if (reuse === false) {
        throw new ValueError(`Variable ${name} already exists, disallowed. Did you mean to set reuse=True or reuse=tf.AUTO_REUSE in VarScope? Originally defined at:\n\n  ${found.op.createdAt}`);
      }
      if (shape && !shape.isCompatibleWith(found.shape)) {
        throw new ValueError(`Trying to share variable ${name}, but specified shape ${shape.toString()} and found shape ${found.shape.toString()}.`);
      }
      if (o.dtype !== found.dtype) {
        throw new ValueError(`Trying to share variable ${name}, but specified dtype ${o.dtype} and found dtype ${found.dtype}.`);
      }
      return found;
    }
    if (reuse === true) {
      throw new ValueError(`Variable ${name} does not exist, or was not created with tf.get_variable(). Did you mean to set reuse=tf.AUTO_REUSE in VarScope?`);
    }

    let initialValue: TensorLike | (() => TensorLike);
    let initializer = o.initializer;
    const fromValue = initializer !== null && initializer !== undefined && !isInitializerFn(initializer);
    if (fromValue) {
      if (shape !== null) throw new ValueError('If initializer is a constant, do not specify shape.');
      initialValue = initializer as TensorLike;
    } else {
      if (initializer === null || initializer === undefined) {
        if (isFloating(o.dtype)) initializer = glorotUniformInitializer();
        else if (isInteger(o.dtype) || o.dtype === 'bool' || o.dtype === 'string') initializer = zerosInitializer();
        else throw new ValueError(`An initializer for variable ${name} of ${o.dtype} is required`);
      }
      if (shape === null || !shape.isFullyDefined()) {
        throw new ValueError(`Shape of a new variable (${name}) must be fully defined, but instead was ${(shape ?? TensorShape.unknown()).toString()}.`);
      }
      const init = initializer as InitializerLike;
      const dims = shape.asList() as number[];
      initialValue = () => callInitializer(init, dims, o.dtype);
    }
    // get_variable re-enters the variable's name scope as-is (the store already made the name
    // unique), so a scope of the same name does not push it to 'name_1' as tf.Variable would.
    const v = new Variable(initialValue, {
      name: `${name}/`,
      trainable: o.trainable ?? true,
      ...(fromValue ? {} : { dtype: o.dtype }),
      ...(o.collections ? { collections: o.collections } : {}),
      validateShape: o.validateShape ?? true,
      constraint: o.constraint ?? null,
    });
    this.vars.set(name, v);
    if (o.regularizer) {
      const reg = o.regularizer;
      const loss = graph.nameScope(`${name}/Regularizer/`, () => reg(v.value()));
      if (loss) graph.addToCollection(GraphKeys.REGULARIZATION_LOSSES, loss);
    }
    return v;
  }

  openVariableScope(name: string): void {
    this.scopeCounts.set(name, (this.scopeCounts.get(name) ?? 0) + 1);
  }

  closeVariableSubscopes(name: string): void {
    const prefix = `${name}/`;
    for (const k of this.scopeCounts.keys()) if (k.startsWith(prefix)) this.scopeCounts.set(k, 0);
  }

  uniqueScopeName(prefix: string): string {
    const base = this.current.name ? `${this.current.name}/${prefix}` : prefix;
    if ((this.scopeCounts.get(base) ?? 0) === 0) return prefix;
    let idx = 1;
    while ((this.scopeCounts.get(`${base}_${idx}`) ?? 0) > 0) idx += 1;
    return `${prefix}_${idx}`;
  }
}

function isInitializerFn(x: unknown): boolean {
  return x instanceof Initializer || typeof x === 'function';
}

const STORE_KEY = {};
function storeOf(g: Graph): VariableStore {
  return g.local(STORE_KEY, () => new VariableStore());
}

export interface VariableScopeOptions {
  reuse?: ReuseMode | null;
  initializer?: InitializerLike | null;
  regularizer?: Regularizer | null;
  defaultName?: string;
  values?: readonly TensorLike[];
  dtype?: DType;
  constraint?: Constraint | null;
}

/**
 * TF1's variable_scope as a callback: `fn` runs inside both a variable scope and a name scope.
 * A string re-entered gets a fresh name scope ('foo_1/') but the same variable prefix ('foo/').
 * @example tf.variableScope('enc', {reuse: tf.AUTO_REUSE}, (scope) => tf.getVariable('w', {shape: [3]}))
 */
export function variableScope<T>(nameOrScope: string | VariableScope | null, fn: (scope: VariableScope) => T): T;
export function variableScope<T>(nameOrScope: string | VariableScope | null, options: VariableScopeOptions, fn: (scope: VariableScope) => T): T;
export function variableScope<T>(
  nameOrScope: string | VariableScope | null,
  optionsOrFn: VariableScopeOptions | ((scope: VariableScope) => T),
  maybeFn?: (scope: VariableScope) => T,
): T {
  const options = typeof optionsOrFn === 'function' ? {} : optionsOrFn;
  const fn = typeof optionsOrFn === 'function' ? optionsOrFn : maybeFn;
  if (typeof fn !== 'function') throw new TypeError('variableScope needs a callback as its last argument');
  if (nameOrScope !== null && typeof nameOrScope !== 'string' && !(nameOrScope instanceof VariableScope)) {
    throw new TypeError('VariableScope: name_or_scope must be a string or VariableScope.');
  }
  const graph = options.values ? graphOf(options.values) : getDefaultGraph();
  return graph.asDefault(() => enterScope(graph, nameOrScope, options, fn));
}

function enterScope<T>(graph: Graph, nameOrScope: string | VariableScope | null, o: VariableScopeOptions, fn: (scope: VariableScope) => T): T {
  const store = storeOf(graph);
  const old = store.current;
  const applyOverrides = (s: VariableScope): VariableScope => {
    if (o.initializer) s.setInitializer(o.initializer);
    if (o.regularizer) s.setRegularizer(o.regularizer);
    if (o.dtype) s.setDtype(o.dtype);
    if (o.constraint) s.constraint = o.constraint;
    return s;
  };
  const run = (scope: VariableScope, restore: () => void): T => {
    store.current = scope;
    try {
      return fn(scope);
    } finally {
      restore();
      store.current = old;
    }
  };

  if (nameOrScope instanceof VariableScope) {
    const last = nameOrScope.name.split('/').pop() ?? '';
    const enter = (nameScope: string): T => {
      const scope = applyOverrides(
        new VariableScope({
          reuse: o.reuse ? o.reuse : nameOrScope.reuse,
          name: nameOrScope.name,
          initializer: nameOrScope.initializer,
          regularizer: nameOrScope.regularizer,
          dtype: nameOrScope.dtype,
          constraint: nameOrScope.constraint,
          nameScope: nameOrScope.originalNameScope || nameScope,
        }),
      );
      store.openVariableScope(nameOrScope.name);
      const saved = new Map(store.scopeCounts);
      return run(scope, () => {
        store.scopeCounts = saved;
      });
    };
    return last ? graph.nameScope(last, enter) : enter('');
  }

  let name: string;
  if (nameOrScope === null) {
    if (o.reuse === true) throw new ValueError('reuse=True cannot be used without a name_or_scope');
    if (!o.defaultName) throw new TypeError('If default_name is None then name_or_scope is required');
    name = o.defaultName;
  } else {
    name = nameOrScope;
  }
  return graph.nameScope(name, (nameScope) => {
    const local = nameOrScope === null ? store.uniqueScopeName(name) : name;
    const fullName = old.name ? `${old.name}/${local}` : local;
    const reuse: ReuseMode = o.reuse || old.reuse;
    const scope = applyOverrides(
      new VariableScope({
        reuse,
        name: fullName,
        initializer: old.initializer,
        regularizer: old.regularizer,
        dtype: old.dtype,
        constraint: old.constraint,
        nameScope,
      }),
    );
    store.openVariableScope(fullName);
    return run(scope, () => store.closeVariableSubscopes(fullName));
  });
}

/** The current variable scope of the default graph. @example tf.getVariableScope().reuseVariables() */
export function getVariableScope(): VariableScope {
  return storeOf(getDefaultGraph()).current;
}

/**
 * Gets an existing variable (under reuse) or creates one, named by the variable scope.
 * @example const w = tf.getVariable('w', {shape: [784, 10], initializer: tf.zerosInitializer()})
 */
export function getVariable(name: string, options: GetVariableOptions = {}): Variable {
  const g = getDefaultGraph();
  return storeOf(g).current.getVariable(name, options, g);
}

/** The variables created with getVariable in `graph`, by full name (for layers and savers). */
export function variablesByName(graph: Graph): ReadonlyMap<string, Variable> {
  return storeOf(graph).vars;
}
