import { KeyError, RuntimeError, TypeError, ValueError } from '../errors.js';
import { matchesScope } from './collections.js';
import type { DType } from './dtype.js';
import { Operation, type AttrMap } from './operation.js';
import type { TensorShape } from './shape.js';
import { Tensor } from './tensor.js';
import { pushDefaultGraph, popDefaultGraph } from './default.js';
import { exportGraphDef } from './graph_def_hook.js';
import { pythonTypeName } from './pytype.js';
import { graphSummary, type GraphSummaryOptions } from './summary.js';

/** TF's node-name pattern; a root scope name must match it too. */
const VALID_OP_NAME = /^[A-Za-z0-9.][A-Za-z0-9_.\\/>-]*$/;
/** A scope nested in another may also start with '_', '-', '/' or '\\'. */
const VALID_SCOPE_NAME = /^[A-Za-z0-9_.\\/>-]*$/;

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
  /**
   * Ops created while this frame was active (not hidden by an inner clearing frame): an op
   * reading one of them already runs after the frame's control inputs (TF's op_in_group).
   */
  readonly ops: Set<Operation>;
}

/**
 * A TF1 graph: an append-only list of operations, a name table, collections. Building is
 * single-threaded, so the scope stacks live on the graph as TF keeps them.
 * @example const g = new tf.Graph(); const y = g.asDefault(() => tf.add(tf.placeholder('float32', [2], 'x'), 1))
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
   * Names compare case-insensitively, as TF does. A name no node may have throws here, before
   * anything is built (TF checks the same pattern when the node is created).
   */
  uniqueName(name: string, markAsUsed = true): string {
    const full = this._nameStack ? `${this._nameStack}/${name}` : name;
    if (full !== '') validateOpName(full);
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
    } else {
      validateScopeName(name, this._nameStack !== '');
      scope = name.endsWith('/') ? name : `${this.uniqueName(name)}/`;
    }
    this._nameStack = scope.endsWith('/') ? scope.slice(0, -1) : scope;
    try {
      return fn(scope);
    } finally {
      this._nameStack = old;
    }
  }

  // ---- control dependencies ----------------------------------------------------------

  /**
   * TF's control_dependencies: ops created in `fn` get `deps` as control inputs, unless one of
   * their inputs was itself created inside the frame. Inputs already required by an outer frame
   * are dropped (TF does the same); `null` clears every outer frame for `fn`.
   */
  controlDependencies<T>(deps: readonly (Operation | Tensor | GraphElementLike | string)[] | null, fn: () => T): T {
    const old = this._controlFrames;
    if (deps === null) {
      this._controlFrames = [...old, { controlInputs: null, ops: new Set() }];
    } else {
      const current = new Set(this.activeFrames().flatMap((f) => f.controlInputs ?? []));
      const ops: Operation[] = [];
      for (const d of deps) {
        const el = this.asGraphElement(d, { allowTensor: true, allowOperation: true });
        const op = el instanceof Tensor ? el.op : el;
        if (!current.has(op)) {
          ops.push(op);
          current.add(op);
        }
      }
      this._controlFrames = [...old, { controlInputs: ops, ops: new Set() }];
    }
    try {
      return fn();
    } finally {
      this._controlFrames = old;
    }
  }

  /** The frames in force: those after the innermost clearing frame, outermost first. */
  private activeFrames(): ControlFrame[] {
    let start = 0;
    this._controlFrames.forEach((f, i) => {
      if (f.controlInputs === null) start = i + 1;
    });
    return this._controlFrames.slice(start);
  }

  /** The control inputs a new op with these input ops receives from the active frames (TF's order). */
  private controlInputsFor(inputOps: readonly Operation[]): Operation[] {
    const result: Operation[] = [];
    for (const frame of this.activeFrames()) {
      // An input built inside the frame already carries the dependency.
      if (inputOps.some((op) => frame.ops.has(op))) continue;
      for (const c of frame.controlInputs ?? []) {
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
    validateOpName(args.name);
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
    for (const frame of this.activeFrames()) frame.ops.add(op);
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
    if (typeof name !== 'string') throw new TypeError(`Operation names are strings (or similar), not ${pythonTypeName(name)}.`);
    const el = this.asGraphElement(name, { allowTensor: false, allowOperation: true });
    return el as Operation;
  }

  getTensorByName(name: string): Tensor {
    if (typeof name !== 'string') throw new TypeError(`Tensor names are strings (or similar), not ${pythonTypeName(name)}.`);
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
    if (!allowTensor && !allowOperation) throw new ValueError("allow_tensor and allow_operation can't both be False.");
    const types = allowTensor && allowOperation ? 'Tensor or Operation' : allowTensor ? 'Tensor' : 'Operation';
    if (hasGraphElement(obj) && !(obj instanceof Tensor) && !(obj instanceof Operation)) {
      return this.asGraphElement(obj.asGraphElement(), { allowTensor, allowOperation });
    }
    if (typeof obj === 'string') {
      if (obj.includes(':') && allowTensor) {
        const parts = obj.split(':');
        const opName = parts[0]!;
        const outStr = parts[1] ?? '';
        const out = Number(outStr);
        if (parts.length !== 2 || !/^\d+$/.test(outStr)) {
          throw new ValueError(`The name '${obj}' looks a like a Tensor name, but is not a valid one. Tensor names must be of the form "<op_name>:<output_index>".`);
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
      if (!allowOperation) throw new TypeError(`Can not convert a Operation into a ${types}.`);
      if (obj.graph !== this) throw new ValueError(`Operation ${obj.toString()} is not an element of this graph.`);
      return obj;
    }
    throw new TypeError(`Can not convert a ${pythonTypeName(obj)} into a ${types}.`);
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

  /** Every key with a collection, in creation order (an empty one made by getCollectionRef too, as TF). */
  getAllCollectionKeys(): string[] {
    return [...this._collections.keys()];
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
   * A table of the graph's top-level name scopes: op counts, output shapes, parameters (see
   * graph/summary.ts). Printed with console.log unless `{print: false}`; returned either way.
   * @example tf.getDefaultGraph().summary()
   */
  summary(options: GraphSummaryOptions = {}): string {
    return graphSummary(this, options);
  }

  /**
   * Per-graph state owned by other modules (variable store, layer name counters), created on
   * first use. Keeps graph.ts free of their types.
   */
  local<T>(key: object, create: () => T): T {
    if (!this._locals.has(key)) this._locals.set(key, create());
    return this._locals.get(key) as T;
  }

  /**
   * The graph this one is a function body of (a cond branch, a loop body: TF's FuncGraph),
   * whose tensors ops built here may capture; null for an ordinary graph.
   */
  get outerGraph(): Graph | null {
    return null;
  }
}

function isThenable(x: unknown): x is PromiseLike<unknown> {
  return typeof x === 'object' && x !== null && typeof (x as { then?: unknown }).then === 'function';
}

/** TF's check in name_scope: a root scope must be a valid op name; a nested one is laxer. */
function validateScopeName(name: string, nested: boolean): void {
  if (nested) {
    if (!VALID_SCOPE_NAME.test(name)) {
      throw new ValueError(`'${name}' is not a valid scope name. A scope name has to match the following pattern: ${VALID_SCOPE_NAME.source}`);
    }
  } else if (!VALID_OP_NAME.test(name)) {
    throw new ValueError(`'${name}' is not a valid root scope name. A root scope name has to match the following pattern: ${VALID_OP_NAME.source}`);
  }
}

function validateOpName(name: string): void {
  if (!VALID_OP_NAME.test(name)) {
    throw new ValueError(`\`${name}\` is not a valid node name. Accepted names conform to Regex /${VALID_OP_NAME.source}/`);
  }
}
