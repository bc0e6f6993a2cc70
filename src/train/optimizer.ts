import { ValueError } from '../errors.js';
import { GraphKeys } from '../graph/collections.js';
import { isFloating } from '../graph/dtype.js';
import type { Graph } from '../graph/graph.js';
import type { Operation } from '../graph/operation.js';
import { Tensor } from '../graph/tensor.js';
import { Initializer, callInitializer, zerosInitializer } from '../init/initializers.js';
import { constant } from '../ops/array/const.js';
import { group } from '../ops/control/group.js';
import { gradients } from '../ops/gradients.js';
import { symbolicOf, type TensorLike } from '../ops/core/tensor_like.js';
import { assignAdd } from '../ops/state/assign_add.js';
import { Variable } from '../variables/variable.js';
import { getVariable, variableScope } from '../variables/variable_scope.js';

export type GradAndVar = [Tensor | null, Variable];

export interface MinimizeOptions {
  globalStep?: Variable | null;
  varList?: readonly Variable[];
  name?: string;
  gradLoss?: TensorLike;
}

export interface ApplyOptions {
  globalStep?: Variable | null;
  name?: string;
}

/**
 * TF1's Optimizer: computeGradients (tf.gradients w.r.t. each variable's ref), then one update
 * op per variable under '<Name>/update_<var>/', grouped (or followed by the global step's
 * increment, which is then the train op). Slots are variables named '<var>/<Name>', '_1', ...
 * @example const trainOp = new tf.train.AdamOptimizer().minimize(loss, {globalStep})
 */
export abstract class Optimizer {
  readonly name: string;
  readonly useLocking: boolean;
  private readonly slots = new Map<string, Map<Variable, Variable>>();
  private readonly nonSlot = new Map<string, Variable>();

  constructor(useLocking: boolean, name: string) {
    this.useLocking = useLocking;
    this.name = name;
  }

  minimize(loss: Tensor, options: MinimizeOptions = {}): Operation {
    const gv = this.computeGradients(loss, options.varList, options.gradLoss === undefined ? {} : { gradLoss: options.gradLoss });
    if (gv.every(([g]) => g === null)) {
      throw new ValueError(
        `No gradients provided for any variable, check your graph for ops that do not support gradients, between variables ${JSON.stringify(gv.map(([, v]) => v.toString()))} and loss ${loss.toString()}.`,
      );
    }
    return this.applyGradients(gv, { globalStep: options.globalStep ?? null, ...(options.name ? { name: options.name } : {}) });
  }

  computeGradients(loss: Tensor, varList?: readonly Variable[], options: { gradLoss?: TensorLike } = {}): GradAndVar[] {
    if (!isFloating(loss.dtype)) {
      throw new ValueError(`Invalid type ${loss.dtype} for ${loss.name}, expected: [float32, float64].`);
    }
    const vars = varList ?? loss.graph.getCollection<Variable>(GraphKeys.TRAINABLE_VARIABLES);
    if (vars.length === 0) throw new ValueError('No variables to optimize.');
    const grads = gradients(loss, [...vars], options.gradLoss === undefined ? null : [options.gradLoss]);
    return vars.map((v, i) => [grads[i] ?? null, v]);
  }

  applyGradients(gradsAndVars: readonly GradAndVar[], options: ApplyOptions = {}): Operation {
    const withGrads = gradsAndVars.filter(([g]) => g !== null) as [Tensor, Variable][];
    if (withGrads.length === 0) {
      throw new ValueError(`No gradients provided for any variable: ${JSON.stringify(gradsAndVars.map(([, v]) => v.name))}.`);
    }
    const graph = withGrads[0]![1].graph;
    return graph.asDefault(() => {
      // Slots are created outside any control-dependency context (TF's init_scope).
      graph.withoutControlDependencies(() => this.createSlots(withGrads.map(([, v]) => v)));
      return graph.nameScope(options.name ?? this.name, (scope) => {
        this.prepare();
        const updates: Operation[] = [];
        for (const [g, v] of withGrads) {
          updates.push(
            graph.nameScope(`update_${v.op.name}`, () => {
              const op = this.applyDense(g, v);
              if (!v.constraint) return op;
              // A fresh read inside the dependency sees the updated value.
              const constraint = v.constraint;
              return graph.controlDependencies([op], () => v.assign(constraint(v.read())).op);
            }),
          );
        }
        let train: Operation;
        const step = options.globalStep ?? null;
        if (step === null) train = this.finish(updates, scope);
        else train = graph.controlDependencies([this.finish(updates, 'update')], () => assignAdd(step, 1, { name: scope }).op);
        const ref = graph.getCollectionRef<Operation>(GraphKeys.TRAIN_OP);
        if (!ref.includes(train)) ref.push(train);
        return train;
      });
    });
  }

  getSlotNames(): string[] {
    return [...this.slots.keys()].sort();
  }

  getSlot(v: Variable, name: string): Variable | null {
    return this.slots.get(name)?.get(v) ?? null;
  }

  /** Creates this optimizer's slots for `vars` (those it has not seen yet). */
  protected abstract createSlots(vars: readonly Variable[]): void;
  /** Converts hyper-parameters to tensors inside the update name scope. */
  protected abstract prepare(): void;
  /** The update of one variable (a training op). */
  protected abstract applyDense(grad: Tensor, v: Variable): Operation;

  protected finish(updates: readonly Operation[], name: string): Operation {
    return group([...updates], { name });
  }

  /** A slot named '<var>/<optimizer name>' (made unique), initialised by `init`. */
  protected slotWithInitializer(v: Variable, init: Initializer, slotName: string): Variable {
    let perVar = this.slots.get(slotName);
    if (!perVar) {
      perVar = new Map();
      this.slots.set(slotName, perVar);
    }
    const existing = perVar.get(v);
    if (existing) return existing;
    const dims = v.shape.asList() as number[];
    const slot = variableScope(null, { defaultName: `${v.op.name}/${this.name}` }, () =>
      getVariable('', { shape: dims, dtype: v.dtype, initializer: (shape, dtype) => callInitializer(init, shape, dtype), trainable: false }),
    );
    perVar.set(v, slot);
    return slot;
  }

  protected zerosSlot(v: Variable, slotName: string): Variable {
    return this.slotWithInitializer(v, zerosInitializer(), slotName);
  }

  /** A variable of the optimizer itself (Adam's beta powers), created once per graph. */
  protected nonSlotVariable(initialValue: number, name: string, graph: Graph): Variable {
    const key = name;
    let v = this.nonSlot.get(key);
    if (!v) {
      v = graph.asDefault(() => new Variable(initialValue, { name, trainable: false, dtype: 'float32' }));
      this.nonSlot.set(key, v);
    }
    return v;
  }

  protected getNonSlot(name: string): Variable {
    const v = this.nonSlot.get(name);
    if (!v) throw new ValueError(`${this.name}: non-slot variable '${name}' was not created`);
    return v;
  }
}

/** A hyper-parameter as a tensor: numbers become Consts named as TF names them. */
export function hyperTensor(value: TensorLike, name: string): Tensor {
  const t = symbolicOf(value);
  if (t) return t;
  return constant(value as number, { name });
}
