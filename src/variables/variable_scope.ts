import { TypeError, ValueError } from '../errors.js';
import { GraphKeys } from '../graph/collections.js';
import { getDefaultGraph } from '../graph/default.js';
import { isFloating, isInteger, type DType } from '../graph/dtype.js';
import { NDArray } from '../graph/ndarray.js';
import type { Graph } from '../graph/graph.js';
import { TensorShape, type ShapeLike } from '../graph/shape.js';
import type { Tensor } from '../graph/tensor.js';
import { graphOf, symbolicOf, type TensorLike } from '../ops/core/tensor_like.js';
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
 * @example const enc = tf.variableScope('enc', (s) => s); tf.variableScope(enc, {reuse: true}, () => tf.getVariable('w'))
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
    const given = options.initializer;
    if (options.dtype !== undefined && given !== undefined && given !== null && !isInitializerFn(given)) {
      // TF1 checks a tensor initializer against an explicit dtype (a JS literal takes the dtype).
      const t = symbolicOf(given);
      const initDType = t ? t.dtype : given instanceof NDArray ? given.dtype : null;
      if (initDType !== null && initDType !== options.dtype) {
        throw new ValueError(`Initializer type '<dtype: '${initDType}'>' and explicit dtype '<dtype: '${options.dtype}'>' don't match.`);
      }
    }
    const initializer = given === undefined || given === null ? this.initializer : given;
    const regularizer = options.regularizer === undefined || options.regularizer === null ? this.regularizer : options.regularizer;
    const constraint = options.constraint === undefined || options.constraint === null ? this.constraint : options.constraint;
    const dtype = options.dtype ?? this.dtype;
    // Variable names depend only on the variable scope, so creation happens at the root name scope.
    return graph.nameScope(null, () => storeOf(graph).getVariable(graph, fullName, { ...options, initializer, regularizer, constraint, dtype }, this.reuse, !name));
  }

  toString(): string {
    return `<tf.VariableScope '${this.name}'>`;
  }
}

class VariableStore {
  readonly vars = new Map<string, Variable>();
  current: VariableScope = new VariableScope({ reuse: false, name: '' });
  scopeCounts = new Map<string, number>();

  /** TF's _VariableStore._get_single_variable: the checks, wording and order are TF1's. */
  getVariable(graph: Graph, name: string, o: GetVariableOptions & { dtype: DType }, reuse: ReuseMode, reenterScope = false): Variable {
    const initializer = o.initializer;
    const fromValue = initializer !== null && initializer !== undefined && !isInitializerFn(initializer);
    if (o.shape !== undefined && o.shape !== null && fromValue) throw new ValueError('If initializer is a constant, do not specify shape.');
    const shape = o.shape === undefined || o.shape === null ? null : TensorShape.from(o.shape);
    const found = this.vars.get(name);
    if (found) {
      if (reuse === false) {
        throw new ValueError(`Variable ${name} already exists, disallowed. Did you mean to set reuse=True or reuse=tf.AUTO_REUSE in VarScope? Originally defined at:\n\n  ${found.op.createdAt}`);
      }
      if (shape && !shape.isCompatibleWith(found.shape)) {
        throw new ValueError(`Trying to share variable ${name}, but specified shape ${shape.toString()} and found shape ${found.shape.toString()}.`);
      }
      if (o.dtype !== found.dtype) {
        throw new ValueError(`Trying to share variable ${name}, but specified dtype ${o.dtype} and found dtype ${found.dtype}_ref.`);
      }
      return found;
    }
    if (reuse === true) {
      throw new ValueError(`Variable ${name} does not exist, or was not created with tf.get_variable(). Did you mean to set reuse=tf.AUTO_REUSE in VarScope?`);
    }

    let initialValue: TensorLike | (() => TensorLike);
    let dtype: DType | undefined = o.dtype;
    if (fromValue) {
      initialValue = initializer as TensorLike;
      // A tensor keeps its dtype (TF1: variable_dtype=None); a JS literal takes the requested one.
      if (symbolicOf(initializer) || initializer instanceof NDArray) dtype = undefined;
    } else {
      let init = initializer as InitializerLike | null | undefined;
      if (init === null || init === undefined) {
        if (shape === null) throw new ValueError(`Variable ${name} did not get an initializer, so its \`shape\` argument must be specified.`);
        init = defaultInitializer(name, o.dtype);
      }
      const callable = init;
      if (shape !== null && shape.isFullyDefined()) {
        const dims = shape.asList() as number[];
        initialValue = () => callInitializer(callable, dims, o.dtype);
      } else if (typeof callable === 'function' && callable.length === 0) {
        // TF1: a callable taking no arguments is the initial value itself; its dtype decides.
        initialValue = callable as () => TensorLike;
        dtype = undefined;
      } else {
        throw new ValueError(
          "The initializer passed is not valid. It should be a callable with no arguments and the shape should not be provided or an instance of `tf.keras.initializers.*' and `shape` should be fully defined.",
        );
      }
    }
    // TF1 opens name_scope(full_name): a name already used as a scope or op gets '_1' on the
    // op (TF 1.x: get_variable('w') after name_scope('w') makes 'w_1:0', stored as 'w'). An
    // empty name (slot variables) is 'scope/' in TF, re-entered as-is: the op is the scope's name.
    const v = new Variable(initialValue, {
      name: reenterScope ? `${name}/` : name,
      trainable: o.trainable ?? true,
      ...(dtype ? { dtype } : {}),
      ...(o.collections ? { collections: o.collections } : {}),
      validateShape: o.validateShape ?? true,
      constraint: o.constraint ?? null,
    });
    this.vars.set(name, v);
    if (o.regularizer) {
      const reg = o.regularizer;
      // TF1 builds the loss in an init_scope: outside any control-dependency context.
      const loss = graph.withoutControlDependencies(() => graph.nameScope(`${name}/Regularizer/`, () => reg(v.value())));
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

/** TF1's _get_default_initializer: glorot uniform for floats, zeros for the rest. */
function defaultInitializer(name: string, dtype: DType): InitializerLike {
  if (isFloating(dtype)) return glorotUniformInitializer();
  if (isInteger(dtype) || dtype === 'bool' || dtype === 'string') return zerosInitializer();
  throw new ValueError(`An initializer for variable ${name} of ${String(dtype)} is required`);
}

function isInitializerFn(x: unknown): boolean {
  return x instanceof Initializer || typeof x === 'function';
}

const STORE_KEY = {};
function storeOf(g: Graph): VariableStore {
  return g.local(STORE_KEY, () => new VariableStore());
}

export interface VariableScopeOptions {
  /** true: reuse; false / null / undefined: inherit the enclosing scope's; tf.AUTO_REUSE. */
  reuse?: ReuseMode | null;
  initializer?: InitializerLike | null;
  regularizer?: Regularizer | null;
  defaultName?: string;
  values?: readonly TensorLike[];
  dtype?: DType;
  /** Not inherited by nested scopes (TF1 passes only the scope's own constraint on). */
  constraint?: Constraint | null;
  /**
   * TF's auxiliary_name_scope (default true). false: open no name scope; ops stay in the
   * current one, and a re-entered VariableScope keeps its original name scope (tf.layers).
   */
  auxiliaryNameScope?: boolean;
}

/**
 * TF1's variable_scope as a callback: `fn` runs inside both a variable scope and a name scope.
 * A string re-entered gets a fresh name scope ('foo_1/') but the same variable prefix ('foo/');
 * a VariableScope object re-entered gets a fresh name scope too, and keeps its
 * originalNameScope. `reuse: false` inherits the enclosing scope's reuse, as in TF1.
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
  // TF1's checks, in TF1's order.
  if ((nameOrScope === null || nameOrScope === undefined) && (options.defaultName === undefined || options.defaultName === null)) {
    throw new TypeError('If default_name is None then name_or_scope is required');
  }
  const reuse = options.reuse;
  if (reuse !== undefined && reuse !== null && reuse !== true && reuse !== false && reuse !== AUTO_REUSE) {
    throw new ValueError('The reuse parameter must be True or False or None.');
  }
  if (nameOrScope !== null && nameOrScope !== undefined && typeof nameOrScope !== 'string' && !(nameOrScope instanceof VariableScope)) {
    throw new TypeError('VariableScope: name_or_scope must be a string or VariableScope.');
  }
  const graph = options.values ? graphOf(options.values) : getDefaultGraph();
  return graph.asDefault(() => enterScope(graph, nameOrScope ?? null, options, fn));
}

function enterScope<T>(graph: Graph, nameOrScope: string | VariableScope | null, o: VariableScopeOptions, fn: (scope: VariableScope) => T): T {
  const store = storeOf(graph);
  const old = store.current;
  // TF1: reuse=False means "inherit", the same as None.
  const reuseGiven: ReuseMode | null = o.reuse === true || o.reuse === AUTO_REUSE ? o.reuse : null;
  const applyOverrides = (s: VariableScope): VariableScope => {
    if (o.initializer) s.setInitializer(o.initializer);
    if (o.regularizer) s.setRegularizer(o.regularizer);
    if (o.dtype) s.setDtype(o.dtype);
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
  // The name scope `body` runs in: a new one named `name` (none for ''), or with
  // auxiliaryNameScope false the current one, re-entered.
  const inNameScope = (name: string, body: (nameScope: string) => T): T => {
    if (o.auxiliaryNameScope === false) {
      const current = graph.getNameScope();
      return graph.nameScope(current ? `${current}/` : null, body);
    }
    return name ? graph.nameScope(name, body) : body('');
  };

  if (nameOrScope instanceof VariableScope) {
    const last = nameOrScope.name.split('/').pop() ?? '';
    return inNameScope(last, () => {
      const scope = applyOverrides(
        new VariableScope({
          reuse: reuseGiven ?? nameOrScope.reuse,
          name: nameOrScope.name,
          initializer: nameOrScope.initializer,
          regularizer: nameOrScope.regularizer,
          dtype: nameOrScope.dtype,
          constraint: o.constraint ?? null,
          nameScope: nameOrScope.originalNameScope,
        }),
      );
      store.openVariableScope(nameOrScope.name);
      const saved = new Map(store.scopeCounts);
      return run(scope, () => {
        store.scopeCounts = saved;
      });
    });
  }

  if (nameOrScope === null && reuseGiven !== null) throw new ValueError('reuse=True cannot be used without a name_or_scope');
  const name = nameOrScope ?? o.defaultName ?? '';
  return inNameScope(name, (nameScope) => {
    const local = nameOrScope === null ? store.uniqueScopeName(name) : name;
    const fullName = old.name ? `${old.name}/${local}` : local;
    const scope = applyOverrides(
      new VariableScope({
        reuse: reuseGiven ?? old.reuse,
        name: fullName,
        initializer: old.initializer,
        regularizer: old.regularizer,
        dtype: old.dtype,
        constraint: o.constraint ?? null,
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

