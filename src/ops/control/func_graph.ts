import { ValueError } from '../../errors.js';
import { GraphKeys } from '../../graph/collections.js';
import { isFloating } from '../../graph/dtype.js';
import { getDefaultGraph } from '../../graph/default.js';
import { Graph, type CreateOpArgs, type GraphElementLike } from '../../graph/graph.js';
import { Operation } from '../../graph/operation.js';
import { Tensor } from '../../graph/tensor.js';
import { Const } from '../array/const.js';
import { Placeholder } from '../array/placeholder.js';
import { applyOp } from '../core/apply.js';
import { VARIABLE_OP_TYPES } from '../state/variable_v2.js';

/** Collections a body writes through to its outer graph (TF's FuncGraph allowlist). */
const SHARED_COLLECTIONS: readonly string[] = [
  GraphKeys.GLOBAL_VARIABLES,
  GraphKeys.LOCAL_VARIABLES,
  GraphKeys.TRAINABLE_VARIABLES,
];

/**
 * Outer integer, bool and string constants up to this many elements (shapes, axes) are copied
 * into a body, keeping their value known to shape inference. Float constants are captured: one
 * may be differentiated with respect to them.
 */
const CONST_COPY_LIMIT = 128;

/** An outer tensor a body reads, and the placeholder standing for it inside. */
export interface Capture {
  /** The tensor in the directly enclosing graph (an input of the cond or loop op). */
  readonly outer: Tensor;
  readonly inner: Tensor;
}

/**
 * TF's FuncGraph: the graph a cond branch or loop body is traced into. Ops built while it is
 * the default graph land here; an outer tensor they use is captured as a Placeholder (an extra
 * input of the op running the body), a small integer constant is copied, and a variable reference
 * (`VariableV2`) is mirrored by an op of the same name, so assignments inside reach the same
 * variable in the Session. Op names are made unique in the outermost graph's name table, so a
 * branch's ops are named as TF1 names them (`cond/mul`, then `cond/mul_1` in the other branch).
 * @example const body = new FuncGraph('cond_true', g, 'cond'); const y = body.trace(() => tf.multiply(x, 2))
 */
export class FuncGraph extends Graph {
  readonly name: string;
  /** Control dependencies on outer ops, which the op running the body takes as control inputs. */
  readonly controlCaptures: Operation[] = [];
  private readonly outer: Graph;
  private readonly scope: string;
  private readonly captureList: Capture[] = [];
  private readonly byTensor = new Map<Tensor, Tensor>();
  private readonly mirrors = new Map<string, Tensor>();

  /** `scope` (without '/') is where captures are named: the cond's or loop's name scope. */
  constructor(name: string, outer: Graph, scope: string) {
    super();
    this.name = name;
    this.outer = outer;
    this.scope = scope;
    this.seed = outer.seed;
  }

  override get outerGraph(): Graph {
    return this.outer;
  }

  /** The captured outer tensors, in the order they were first used. */
  get captures(): readonly Capture[] {
    return this.captureList;
  }

  /** Runs `fn` with this graph as the default graph, inside its name scope. */
  trace<T>(fn: () => T): T {
    return this.asDefault(() => this.nameScope(this.scope ? `${this.scope}/` : null, fn));
  }

  /** Names are unique in the outermost graph, which is also where they are marked as used. */
  override uniqueName(name: string, markAsUsed = true): string {
    const scope = this.getNameScope();
    const full = scope ? `${scope}/${name}` : name;
    const outer = this.outer;
    return outer.nameScope(null, () => outer.uniqueName(full, markAsUsed));
  }

  override createOp(args: CreateOpArgs): Operation {
    // A body belongs to its outermost graph: finalizing that one freezes the body too.
    initScopeGraph(this).checkNotFinalized();
    this.checkAccess(args);
    const inputs = args.inputs.map((t) => this.capture(t));
    const own: Operation[] = [];
    for (const c of args.controlInputs ?? []) {
      if (c.graph === this) own.push(c);
      else this.addControlCapture(c);
    }
    return super.createOp({ ...args, inputs, controlInputs: own });
  }

  override controlDependencies<T>(
    deps: readonly (Operation | Tensor | GraphElementLike)[] | null,
    fn: () => T,
  ): T {
    if (deps === null) return super.controlDependencies(null, fn);
    const own: (Operation | Tensor)[] = [];
    for (const d of deps) {
      const el = d instanceof Tensor || d instanceof Operation ? d : d.asGraphElement();
      const op = el instanceof Tensor ? el.op : el;
      if (op.graph !== this && this.isOuter(op.graph)) this.addControlCapture(op);
      else own.push(el);
    }
    return super.controlDependencies(own, fn);
  }

  /**
   * The tensor standing for `t` in this graph: `t` itself when it is ours, else its capture
   * (made on first use; through the enclosing bodies when `t` lives further out).
   */
  capture(t: Tensor): Tensor {
    if (t.graph === this) return t;
    const known = this.byTensor.get(t);
    if (known) return known;
    if (!this.isOuter(t.graph)) throw inaccessible(t, this);
    let inner: Tensor;
    if (VARIABLE_OP_TYPES.includes(t.op.type)) {
      inner = this.mirrorVariable(t);
    } else if (
      t.op.type === Const.type &&
      !isFloating(t.dtype) &&
      (t.shape.size ?? Infinity) <= CONST_COPY_LIMIT
    ) {
      inner = this.atScope(
        () => applyOp(Const, [], { ...t.op.attrs }, { name: baseName(t.op.name), graph: this })[0]!,
      );
    } else {
      let outerT = t;
      if (t.graph !== this.outer) {
        if (!(this.outer instanceof FuncGraph)) throw inaccessible(t, this);
        outerT = this.outer.capture(t);
      }
      const existing = this.byTensor.get(outerT);
      inner =
        existing ??
        this.atScope(
          () =>
            applyOp(
              Placeholder,
              [],
              { dtype: t.dtype, shape: t.shape },
              { name: baseName(t.op.name), graph: this },
            )[0]!,
        );
      if (!existing) {
        this.captureList.push({ outer: outerT, inner });
        this.byTensor.set(outerT, inner);
      }
    }
    this.byTensor.set(t, inner);
    return inner;
  }

  /** Whether `g` encloses this graph. */
  isOuter(g: Graph): boolean {
    for (let o: Graph | null = this.outer; o; o = o.outerGraph) if (o === g) return true;
    return false;
  }

  // Variable bookkeeping is shared with the outer graph (TF's FuncGraph does the same): the
  // variable store and layer-name counters, and the variable collections.
  override local<T>(key: object, create: () => T): T {
    return this.outer.local(key, create);
  }

  override addToCollection(key: string, value: unknown): void {
    if (SHARED_COLLECTIONS.includes(key)) this.outer.addToCollection(key, value);
    else super.addToCollection(key, value);
  }

  override getCollection<T = unknown>(key: string, scope?: string | RegExp | null): T[] {
    if (SHARED_COLLECTIONS.includes(key)) return this.outer.getCollection<T>(key, scope);
    // Other collections are read through (outer items first) but written here only.
    return [...this.outer.getCollection<T>(key, scope), ...super.getCollection<T>(key, scope)];
  }

  override getCollectionRef<T = unknown>(key: string): T[] {
    if (SHARED_COLLECTIONS.includes(key)) return this.outer.getCollectionRef<T>(key);
    return super.getCollectionRef<T>(key);
  }

  private addControlCapture(op: Operation): void {
    if (!this.isOuter(op.graph)) throw inaccessible(op, this);
    if (!this.controlCaptures.includes(op)) this.controlCaptures.push(op);
  }

  /** Ops may be added only while this graph (or a body inside it) is being built. */
  private checkAccess(args: CreateOpArgs): void {
    for (let g: Graph | null = getDefaultGraph(); g; g = g.outerGraph) if (g === this) return;
    // Without one of our tensors among the inputs (a constant made for the op), name the op.
    throw inaccessible(args.inputs.find((t) => t.graph === this) ?? args.name, this);
  }

  private mirrorVariable(t: Tensor): Tensor {
    let m = this.mirrors.get(t.op.name);
    if (!m) {
      const src = t.op;
      const op = this.withoutControlDependencies(() =>
        super.createOp({
          type: src.type,
          name: src.name,
          inputs: [],
          attrs: src.attrs,
          outputs: [{ dtype: t.dtype, shape: t.shape }],
        }),
      );
      m = op.outputs[0]!;
      this.mirrors.set(src.name, m);
    }
    return m;
  }

  /** Captures are built at the body's root scope and outside any control-dependency block. */
  private atScope<T>(fn: () => T): T {
    return this.withoutControlDependencies(() =>
      this.nameScope(this.scope ? `${this.scope}/` : null, fn),
    );
  }
}

function baseName(opName: string): string {
  return opName.slice(opName.lastIndexOf('/') + 1);
}

/**
 * TF's InaccessibleTensorError (a ValueError) for a body's tensor used outside it; given an op
 * name instead, one of that op's inputs is (a constant made for it carries no tensor of ours).
 */
function inaccessible(what: Tensor | Operation | string, body: FuncGraph): ValueError {
  const subject =
    typeof what === 'string'
      ? `A tensor used by '${what}'`
      : `The ${what instanceof Operation ? 'operation' : 'tensor'} '${what.name}'`;
  const defined = typeof what === 'string' ? body : what.graph;
  const where = defined instanceof FuncGraph ? `FuncGraph(name=${defined.name})` : 'Graph';
  const from = getDefaultGraph();
  const here = from instanceof FuncGraph ? `FuncGraph(name=${from.name})` : 'Graph';
  return new ValueError(
    `${subject} cannot be accessed here: it is defined in another function or code block. Use return values, explicit Python locals or TensorFlow collections to access it. Defined in: ${where}; accessed from: ${here}.`,
  );
}

/** The graph variables are created in from `g`: the outermost graph (TF's init_scope). */
export function initScopeGraph(g: Graph): Graph {
  let out = g;
  while (out.outerGraph) out = out.outerGraph;
  return out;
}
