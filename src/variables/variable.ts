import { ValueError } from '../errors.js';
import { GraphKeys } from '../graph/collections.js';
import { getDefaultGraph } from '../graph/default.js';
import type { DType } from '../graph/dtype.js';
import type { Graph } from '../graph/graph.js';
import type { Operation } from '../graph/operation.js';
import type { TensorShape } from '../graph/shape.js';
import { Tensor } from '../graph/tensor.js';
import { identity } from '../ops/array/identity.js';
import { applyOp } from '../ops/core/apply.js';
import { symbolicOf, type TensorLike } from '../ops/core/tensor_like.js';
import { constant } from '../ops/array/const.js';
import { assign, Assign } from '../ops/state/assign.js';
import { assignAdd } from '../ops/state/assign_add.js';
import { assignSub } from '../ops/state/assign_sub.js';
import { VariableV2 } from '../ops/state/variable_v2.js';
import type { HostValue } from '../graph/host_value.js';

/** A constraint maps a variable's new value to the value it may hold (applied after updates). */
export type Constraint = (value: Tensor) => Tensor;

export interface VariableOptions {
  name?: string;
  trainable?: boolean;
  dtype?: DType;
  collections?: readonly string[];
  validateShape?: boolean;
  constraint?: Constraint | null;
}

/** Something that can run a fetch with feeds, synchronously: a Session. */
export interface SyncRunner {
  runSync(fetches: unknown, feeds?: unknown): unknown;
}

/**
 * TF1's Variable (RefVariable): a VariableV2 op `v`, its initializer `v/Assign` and a snapshot
 * `v/read` that ops read. `initialValue` may be a function, called inside `v/Initializer/`.
 * @example const w = new tf.Variable(tf.zeros([3, 4]), {name: 'w'})
 */
export class Variable {
  readonly graph: Graph;
  readonly trainable: boolean;
  readonly initialValue: Tensor;
  readonly initializer: Operation;
  readonly constraint: Constraint | null;
  private readonly _variable: Tensor;
  private readonly _snapshot: Tensor;

  constructor(initialValue: TensorLike | (() => TensorLike), options: VariableOptions = {}) {
    // TF's init_scope: a variable made while a cond branch or loop body is being built lives in
    // the outermost graph (under the body's current name scope), so initializers can run it.
    const given = symbolicOf(initialValue);
    const inner = given?.graph ?? getDefaultGraph();
    let graph = inner;
    while (graph.outerGraph) graph = graph.outerGraph;
    if (given && graph !== inner) {
      throw new ValueError(
        `Initializer for variable ${options.name ?? 'Variable'} is from inside a control-flow construct, such as a loop or conditional. When creating a variable inside a loop or conditional, use a lambda as the initializer.`,
      );
    }
    const innerScope = graph === inner ? null : inner.getNameScope();
    const enterScope = <T>(scope: string | null, fn: () => T): T => (scope === null ? fn() : graph.nameScope(scope ? `${scope}/` : null, fn));
    graph.checkNotFinalized();
    this.graph = graph;
    this.trainable = options.trainable ?? true;
    this.constraint = options.constraint ?? null;
    const collections = [...(options.collections ?? [GraphKeys.GLOBAL_VARIABLES])];
    if (this.trainable && !collections.includes(GraphKeys.TRAINABLE_VARIABLES)) collections.push(GraphKeys.TRAINABLE_VARIABLES);
    const validateShape = options.validateShape ?? true;

    // Variables are created outside any control-dependency context (TF's init_scope).
    const built = graph.asDefault(() =>
      graph.withoutControlDependencies(() =>
        // Outside control flow the current name scope applies as is; '' would reset it to the root.
        enterScope(innerScope, () => graph.nameScope(options.name ?? 'Variable', (scope) => {
          const init =
            typeof initialValue === 'function'
              ? graph.nameScope('Initializer', () => toTensor((initialValue as () => TensorLike)(), options.dtype, 'initial_value'))
              : toTensor(initialValue, options.dtype, 'initial_value');
          if (options.dtype && init.dtype !== options.dtype) {
            throw new ValueError(`Tensor conversion requested dtype ${options.dtype} for Tensor with dtype ${init.dtype}: ${init.toString()}`);
          }
          if (validateShape && !init.shape.isFullyDefined()) {
            throw new ValueError(`initial_value must have a shape specified: ${init.toString()}`);
          }
          const variable = applyOp(VariableV2, [], { shape: validateShape ? init.shape : null, dtype: init.dtype }, { name: scope })[0]!;
          const initOp = applyOp(Assign, [variable, init], { validate_shape: validateShape }, { name: 'Assign' })[0]!.op;
          const snapshot = identity(variable, 'read');
          return { init, variable, initOp, snapshot };
        })),
      ),
    );
    this.initialValue = built.init;
    this._variable = built.variable;
    this.initializer = built.initOp;
    this._snapshot = built.snapshot;
    graph.addToCollections(collections, this);
  }

  /** 'w:0', the VariableV2 op's output name. */
  get name(): string {
    return this._variable.name;
  }

  get op(): Operation {
    return this._variable.op;
  }

  get dtype(): DType {
    return this._variable.dtype;
  }

  get shape(): TensorShape {
    return this._variable.shape;
  }

  getShape(): TensorShape {
    return this._variable.shape;
  }

  /** The snapshot tensor ops read (`w/read:0`). */
  value(): Tensor {
    return this._snapshot;
  }

  /** A new read of the current value (TF1's read_value). */
  read(name = 'read'): Tensor {
    return identity(this._variable, name);
  }

  /** The reference assignment ops write through. */
  variableRef(): Tensor {
    return this._variable;
  }

  /** Ops use the snapshot, as TF1 converts a Variable to a tensor. */
  toTensor(): Tensor {
    return this._snapshot;
  }

  /** Fetching a Variable fetches its value. */
  asGraphElement(): Tensor {
    return this._variable;
  }

  assign(value: TensorLike, options: { useLocking?: boolean; name?: string } = {}): Tensor {
    return this.graph.asDefault(() => assign(this, value, options));
  }

  assignAdd(value: TensorLike, options: { useLocking?: boolean; name?: string } = {}): Tensor {
    return this.graph.asDefault(() => assignAdd(this, value, options));
  }

  assignSub(value: TensorLike, options: { useLocking?: boolean; name?: string } = {}): Tensor {
    return this.graph.asDefault(() => assignSub(this, value, options));
  }

  /** Sets the variable's value in `session` by running its initializer with a fed value. */
  load(value: HostValue, session: SyncRunner): void {
    session.runSync(this.initializer, [[this.initializer.inputs[1]!, value]]);
  }

  toString(): string {
    return `<tf.Variable '${this.name}' shape=${this.shape.toString()} dtype=${this.dtype}_ref>`;
  }
}

function toTensor(v: TensorLike, dtype: DType | undefined, name: string): Tensor {
  const t = symbolicOf(v);
  if (t) return t;
  if (v instanceof Tensor) return v;
  return constant(v as HostValue, { ...(dtype ? { dtype } : {}), name });
}
