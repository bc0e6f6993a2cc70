import { KeyError, RuntimeError, TypeError, ValueError } from '../errors.js';
import { matchesScope } from './collections.js';
import type { DType } from './dtype.js';
import { Operation, type AttrMap } from './operation.js';
import type { TensorShape } from './shape.js';
import { Tensor } from './tensor.js';
import { pushDefaultGraph, popDefaultGraph } from './default.js';
import { exportGraphDef } from './graph_def_hook.js';

export interface OutputSpec {
  dtype: DType;
  shape: TensorShape;
}

export interface CreateOpArgs {
  type: string;
  /** Final, already-unique name (see `uniqueName`). */
  name: string;
  inputs: readonly Tensor[];
  attrs: AttrMap;
  outputs: readonly OutputSpec[];
  controlInputs?: readonly Operation[];
}

/** Anything that names itself as a graph element (a Variable answers with its tensor). */
export interface GraphElementLike {
  asGraphElement(): Tensor | Operation;
}

function hasGraphElement(x: unknown): x is GraphElementLike {
  return typeof x === 'object' && x !== null && typeof (x as { asGraphElement?: unknown }).asGraphElement === 'function';
}

interface ControlFrame {
  /** null: this frame clears the outer dependencies (`controlDependencies(null, ...)`). */
  readonly controlInputs: readonly Operation[] | null;
  /** Ops with id >= this were created inside the frame. */
  readonly firstOpId: number;
}

/**
 * A TF1 graph: an append-only list of operations, a name table, collections. Building is
 * single-threaded, so the scope stacks live on the graph as TF keeps them.
 */
export class Graph {
  private readonly _ops: Operation[] = [];
  private readonly _byName = new Map<string, Operation>();
  private readonly _namesInUse = new Map<string, number>();
  private readonly _consumers = new Map<Tensor, Operation[]>();
  private readonly _collections = new Map<string, unknown[]>();
  private readonly _locals = new Map<object, unknown>();
  private _nameStack = '';
  private _controlFrames: ControlFrame[] = [];
  private _finalized = false;
  private _version = 0;
  /** Graph-level random seed (`tf.setRandomSeed`). */
  seed: number | null = null;

  get version(): number {
    return this._version;
  }

  get finalized(): boolean {
    return this._finalized;
  }

  finalize(): void {
    this._finalized = true;
  }

  /**
   * Runs `fn` with this graph as the default graph. An async `fn` keeps it the default until
   * its promise settles, so graph building after an `await` still lands here.
   */
  asDefault<T>(fn: () => T): T {
    pushDefaultGraph(this);
    let result: T;
    try {
      result = fn();
    } catch (e) {
      popDefaultGraph(this);
      throw e;
    }
    if (isThenable(result)) {
      return result.then(
        (v) => {
          popDefaultGraph(this);
          return v;
        },
        (e: unknown) => {
          popDefaultGraph(this);
          throw e;
        },
      ) as T;
    }
    popDefaultGraph(this);
    return result;
  }

  // ---- names -------------------------------------------------------------------------

  /** The current name scope without a trailing slash ('' at the root). */
  getNameScope(): string {
    return this._nameStack;
  }

  /**
   * TF's unique_name: prefixes the current scope, then appends `_1`, `_2`, ... until unused.
   * Names compare case-insensitively, as TF does.
   */
  uniqueName(name: string, markAsUsed = true): string {
    const full = this._nameStack ? `${this._nameStack}/${name}` : name;
    const key = full.toLowerCase();
    let i = this._namesInUse.get(key) ?? 0;
    if (markAsUsed) this._namesInUse.set(key, i + 1);
    if (i === 0) return full;
    let candidate = `${full}_${i}`;
    while (this._namesInUse.has(candidate.toLowerCase())) {
      i += 1;
      candidate = `${full}_${i}`;
    }
    if (markAsUsed) this._namesInUse.set(candidate.toLowerCase(), 1);
    return candidate;
  }

  /**
   * Enters a name scope for `fn`, which receives the scope with its trailing '/'. A name
   * ending in '/' re-enters that scope as-is; '' or null returns to the root.
   */
  nameScope<T>(name: string | null, fn: (scope: string) => T): T {
    const old = this._nameStack;
    let scope: string;
    if (!name) {
      scope = '';
    } else if (name.endsWith('/')) {
      scope = name;
    } else {
      validateScopeName(name);
      scope = `${this.uniqueName(name)}/`;
    }
    this._nameStack = scope.endsWith('/') ? scope.slice(0, -1) : scope;
    try {
      return fn(scope);
    } finally {
      this._nameStack = old;
    }
  }

  // ---- control dependencies ----------------------------------------------------------

  controlDependencies<T>(deps: readonly (Operation | Tensor | GraphElementLike)[] | null, fn: () => T): T {
    const old = this._controlFrames;
    if (deps === null) {
      this._controlFrames = [...old, { controlInputs: null, firstOpId: this._ops.length }];
    } else {
      const ops = deps.map((d) => {
        const el = this.asGraphElement(d, { allowTensor: true, allowOperation: true });
        return el instanceof Tensor ? el.op : el;
      });
      this._controlFrames = [...old, { controlInputs: ops, firstOpId: this._ops.length }];
    }
    try {
      return fn();
    } finally {
      this._controlFrames = old;
    }
  }

  /** The control inputs a new op with these input ops receives from the active frames. */
  private controlInputsFor(inputOps: readonly Operation[]): Operation[] {
    const result: Operation[] = [];
    // Innermost frame first; a clearing frame hides everything outside it.
    for (let i = this._controlFrames.length - 1; i >= 0; i--) {
      const frame = this._controlFrames[i]!;
      if (frame.controlInputs === null) break;
      // An input built inside the frame already carries the dependency.
      if (inputOps.some((op) => op.id >= frame.firstOpId)) continue;
      for (const c of frame.controlInputs) {
        if (!inputOps.includes(c) && !result.includes(c)) result.push(c);
      }
    }
    return result;
  }

  /** Runs `fn` outside every control-dependency frame (TF's init_scope does the same). */
  withoutControlDependencies<T>(fn: () => T): T {
    return this.controlDependencies(null, fn);
  }

  // ---- operations ---------------------------------------------------------------------

  checkNotFinalized(): void {
    if (this._finalized) throw new RuntimeError('Graph is finalized and cannot be modified.');
  }

  createOp(args: CreateOpArgs): Operation {
    this.checkNotFinalized();
    for (const t of args.inputs) this.checkOwns(t);
    for (const c of args.controlInputs ?? []) this.checkOwns(c);
    if (this._byName.has(args.name)) {
      throw new ValueError(`Duplicate node name in graph: '${args.name}'`);
    }
    const inputOps = args.inputs.map((t) => t.op);
    const control = [...(args.controlInputs ?? [])];
    for (const c of this.controlInputsFor(inputOps)) if (!control.includes(c)) control.push(c);
    const op = new Operation({
      id: this._ops.length,
      name: args.name,
      type: args.type,
      inputs: args.inputs,
      controlInputs: control,
      attrs: args.attrs,
      graph: this,
    });
    op.outputs = Object.freeze(args.outputs.map((o, i) => new Tensor(op, i, o.dtype, o.shape)));
    // Mark the exact name as used so a later scope or op of that name gets a suffix.
    const key = args.name.toLowerCase();
    if (!this._namesInUse.has(key)) this._namesInUse.set(key, 1);
    this._ops.push(op);
    this._byName.set(op.name, op);
    for (const t of args.inputs) {
      const list = this._consumers.get(t);
      if (list) list.push(op);
      else this._consumers.set(t, [op]);
    }
    this._version += 1;
    return op;
  }

  private checkOwns(x: Tensor | Operation): void {
    if (x.graph !== this) {
      const what = x instanceof Tensor ? x.toString() : x.toString();
      throw new ValueError(`${what} must be from the same graph as the other inputs of this op (it belongs to another tf.Graph).`);
    }
  }

  getOperations(): Operation[] {
    return [...this._ops];
  }

  /** Live read-only view of the op list, for the compiler. */
  get operations(): readonly Operation[] {
    return this._ops;
  }

  consumersOf(t: Tensor): Operation[] {
    return [...(this._consumers.get(t) ?? [])];
  }

  getOperationByName(name: string): Operation {
    if (typeof name !== 'string') throw new TypeError(`Operation names are strings (or similar), not ${typeof name}.`);
    const el = this.asGraphElement(name, { allowTensor: false, allowOperation: true });
    return el as Operation;
  }

  getTensorByName(name: string): Tensor {
    if (typeof name !== 'string') throw new TypeError(`Tensor names are strings (or similar), not ${typeof name}.`);
    return this.asGraphElement(name, { allowTensor: true, allowOperation: false }) as Tensor;
  }

  hasOperation(name: string): boolean {
    return this._byName.has(name);
  }

  /**
   * TF's as_graph_element: resolves a name ('x:0' a tensor, 'x' an operation), a Tensor, an
   * Operation, or an object with `asGraphElement()` (a Variable) to an element of this graph.
   */
  asGraphElement(
    obj: unknown,
    { allowTensor = true, allowOperation = true }: { allowTensor?: boolean; allowOperation?: boolean } = {},
  ): Tensor | Operation {
    const types = allowTensor && allowOperation ? 'Tensor or Operation' : allowTensor ? 'Tensor' : 'Operation';
    if (hasGraphElement(obj) && !(obj instanceof Tensor) && !(obj instanceof Operation)) {
      return this.asGraphElement(obj.asGraphElement(), { allowTensor, allowOperation });
    }
    if (typeof obj === 'string') {
      if (obj.includes(':') && allowTensor) {
        const idx = obj.lastIndexOf(':');
        const opName = obj.slice(0, idx);
        const outStr = obj.slice(idx + 1);
        const out = Number(outStr);
        if (!/^\d+$/.test(outStr)) {
          throw new ValueError(`The name ${JSON.stringify(obj)} looks a like a Tensor name, but is not a valid one. Tensor names must be of the form "<op_name>:<output_index>".`);
        }
        const op = this._byName.get(opName);
        if (!op) {
          throw new KeyError(`The name '${obj}' refers to a Tensor which does not exist. The operation, '${opName}', does not exist in the graph.`);
        }
        const t = op.outputs[out];
        if (!t) {
          throw new KeyError(`The name '${obj}' refers to a Tensor which does not exist. The operation, '${opName}', exists but only has ${op.outputs.length} outputs.`);
        }
        return t;
      }
      if (obj.includes(':') && !allowTensor) {
        throw new ValueError(`Name '${obj}' appears to refer to a Tensor, not a ${types}.`);
      }
      if (!allowOperation) {
        if (this._byName.has(obj)) {
          throw new ValueError(`The name '${obj}' refers to an Operation, not a ${types}. Tensor names must be of the form "<op_name>:<output_index>".`);
        }
        throw new ValueError(`The name '${obj}' looks like an (invalid) Operation name, not a ${types}. Tensor names must be of the form "<op_name>:<output_index>".`);
      }
      const op = this._byName.get(obj);
      if (!op) throw new KeyError(`The name '${obj}' refers to an Operation not in the graph.`);
      return op;
    }
    if (obj instanceof Tensor) {
      if (!allowTensor) throw new TypeError(`Can not convert a Tensor into a ${types}.`);
      if (obj.graph !== this) throw new ValueError(`Tensor ${obj.toString()} is not an element of this graph.`);
      return obj;
    }
    if (obj instanceof Operation) {
      if (!allowOperation) throw new TypeError(`Can not convert an Operation into a ${types}.`);
      if (obj.graph !== this) throw new ValueError(`Operation ${obj.toString()} is not an element of this graph.`);
      return obj;
    }
    throw new TypeError(`Can not convert a ${describe(obj)} into a ${types}.`);
  }

  // ---- collections --------------------------------------------------------------------

  addToCollection(key: string, value: unknown): void {
    this.checkNotFinalized();
    const list = this._collections.get(key);
    if (list) list.push(value);
    else this._collections.set(key, [value]);
  }

  addToCollections(keys: string | readonly string[], value: unknown): void {
    const list = typeof keys === 'string' ? [keys] : [...new Set(keys)];
    for (const k of list) this.addToCollection(k, value);
  }

  /** A copy of the collection; with `scope`, only items whose `name` matches it from the start. */
  getCollection<T = unknown>(key: string, scope?: string | RegExp | null): T[] {
    const list = (this._collections.get(key) ?? []) as T[];
    if (scope === undefined || scope === null) return [...list];
    return list.filter((item) => {
      const name = (item as { name?: unknown } | null)?.name;
      return typeof name === 'string' && matchesScope(name, scope);
    });
  }

  /** The live list, created if missing (TF's get_collection_ref). */
  getCollectionRef<T = unknown>(key: string): T[] {
    let list = this._collections.get(key);
    if (!list) {
      list = [];
      this._collections.set(key, list);
    }
    return list as T[];
  }

  getAllCollectionKeys(): string[] {
    return [...this._collections.entries()].filter(([, v]) => v.length > 0).map(([k]) => k);
  }

  clearCollection(key: string): void {
    this._collections.delete(key);
  }

  /**
   * TF's GraphDef of this graph as a plain object (nodes in creation order).
   * @example const gd = g.asGraphDef(); tf.GraphDef.toText(gd)
   */
  asGraphDef(): import('../io/graph_def.js').GraphDefObject {
    return exportGraphDef(this) as import('../io/graph_def.js').GraphDefObject;
  }

  /** Alias of asGraphDef. */
  toGraphDef(): import('../io/graph_def.js').GraphDefObject {
    return this.asGraphDef();
  }

  /**
   * Per-graph state owned by other modules (variable store, layer name counters), created on
   * first use. Keeps graph.ts free of their types.
   */
  local<T>(key: object, create: () => T): T {
    if (!this._locals.has(key)) this._locals.set(key, create());
    return this._locals.get(key) as T;
  }
}

function isThenable(x: unknown): x is PromiseLike<unknown> {
  return typeof x === 'object' && x !== null && typeof (x as { then?: unknown }).then === 'function';
}

function validateScopeName(name: string): void {
  if (!/^[A-Za-z0-9.][A-Za-z0-9_.\\/>-]*$/.test(name)) {
    throw new ValueError(`'${name}' is not a valid scope name`);
  }
}

function describe(x: unknown): string {
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'Array';
  if (typeof x === 'object') return (x as object).constructor?.name ?? 'object';
  return typeof x;
}
