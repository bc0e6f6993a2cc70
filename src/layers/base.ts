import { NotImplementedError, ValueError } from '../errors.js';
import { GraphKeys } from '../graph/collections.js';
import { getDefaultGraph } from '../graph/default.js';
import type { DType } from '../graph/dtype.js';
import type { Graph } from '../graph/graph.js';
import { Operation } from '../graph/operation.js';
import { TensorShape, type Dim, type ShapeLike } from '../graph/shape.js';
import { Tensor } from '../graph/tensor.js';
import { graphOf, symbolicOf, type TensorLike } from '../ops/core/tensor_like.js';
import { constant } from '../ops/array/const.js';
import type { HostValue } from '../graph/host_value.js';
import type { Variable } from '../variables/variable.js';
import {
  getVariable,
  variableScope,
  VariableScope,
  type Regularizer,
  type ReuseMode,
} from '../variables/variable_scope.js';
import { activityRegularizationLoss } from './activity.js';
import { assertInputCompatibility, InputSpec } from './input_spec.js';
import { toSnakeCase, uniqueLayerName } from './naming.js';
import { baseShape, optionsSchema, parseOptions } from './options.js';
import { selectFor, type Conditional } from './conditional.js';
import { InboundNodes } from './inbound_nodes.js';
import { formatSummary, type SummaryOptions } from './summary.js';
import type { AddVariableOptions, CallKwargs, LayerOptions } from './layer_options.js';

export type { AddVariableOptions, CallKwargs, LayerOptions } from './layer_options.js';

const baseSchema = optionsSchema(baseShape);

/**
 * TF1's base layer (tf.layers.Layer): owns its variables under a variable scope, its ops
 * under a name scope, its losses and updates; `apply` builds it once from the first input's
 * static shape, then calls it. A second call reuses the variables.
 * @example
 * class Scale extends tf.layers.Layer {
 *   w!: tf.Variable;
 *   override build(shape: tf.TensorShape) { this.w = this.addWeight('w', [shape.dim(-1)!]); super.build(shape); }
 *   override call(x: tf.Tensor) { return tf.multiply(x, this.w); }
 * }
 * const y = new Scale().apply(x); // variable 'scale/w:0'
 */
export class Layer {
  /** Whether the layer's variables are trained (mutable, as in TF). */
  trainable: boolean;
  built = false;
  /** What inputs the layer accepts; checked on every call. */
  inputSpec: InputSpec | readonly (InputSpec | null)[] | null = null;
  /** A regularizer of the layer's output; its loss is conditional on the call's inputs. */
  activityRegularizer: Regularizer | null;

  private readonly _name: string;
  /** The default variable scope name ('dense' for a Dense named 'dense_1'). */
  protected readonly _baseName: string;
  private _scope: VariableScope | null = null;
  protected readonly _reuse: ReuseMode | null;
  private _currentScope: VariableScope | null = null;
  private _dtype: DType | null;
  private _trainableWeights: Variable[] = [];
  private _nonTrainableWeights: Variable[] = [];
  private readonly _losses: Conditional<Tensor>[] = [];
  private readonly _updates: Conditional<Tensor | Operation>[] = [];
  private readonly _inboundNodes = new InboundNodes(() => this._name);
  private _graph: Graph | null = null;

  constructor(options: LayerOptions = {}) {
    const o = parseOptions(baseSchema, options, new.target.name);
    this.trainable = o.trainable;
    this._dtype = o.dtype;
    this.activityRegularizer = o.activityRegularizer;
    this._reuse = o._reuse;
    const base = toSnakeCase(new.target.name);
    this._baseName = o.name ?? base;
    this._name = o.name ?? uniqueLayerName(getDefaultGraph(), base);
    // A functional form passes its name as the scope: captured now, so its name scope
    // ('foo/', or 'foo_1/' the next time) is taken at construction as TF1 takes it.
    if (o._scope !== null && o._scope !== '') this._scope = variableScope(o._scope, (s) => s);
  }

  get name(): string {
    return this._name;
  }

  /** The layer's dtype: given, or the first input's (null before the first call). */
  get dtype(): DType | null {
    return this._dtype;
  }

  /** The graph of the first call (null before it). */
  get graph(): Graph | null {
    return this._graph;
  }

  /** The layer's variable scope name ('outer/conv2d'); known from the first call on. */
  get scopeName(): string {
    if (!this._scope) {
      throw new ValueError(
        `No name available for layer scope because the layer "${this._name}" has not been used yet. The scope name  is determined the first time the layer instance is called. You must therefore call the layer before querying \`scope_name\`.`,
      );
    }
    return this._scope.name;
  }

  get trainableWeights(): Variable[] {
    return this.trainable ? [...this._trainableWeights] : [];
  }

  get nonTrainableWeights(): Variable[] {
    return this.trainable
      ? [...this._nonTrainableWeights]
      : [...this._trainableWeights, ...this._nonTrainableWeights];
  }

  /** Trainable then non-trainable variables. */
  get weights(): Variable[] {
    return [...this.trainableWeights, ...this.nonTrainableWeights];
  }

  get trainableVariables(): Variable[] {
    return this.trainableWeights;
  }

  get nonTrainableVariables(): Variable[] {
    return this.nonTrainableWeights;
  }

  get variables(): Variable[] {
    return this.weights;
  }

  /** Weight-regularization and activity losses. */
  get losses(): Tensor[] {
    return this._losses.map((l) => l.value);
  }

  /** Update ops (BatchNormalization's moving averages); none while the layer is not trainable. */
  get updates(): (Tensor | Operation)[] {
    return this.trainable ? this._updates.map((u) => u.value) : [];
  }

  // ---- building and calling ------------------------------------------------------------

  /** Creates the layer's variables; called once, by the first `apply`, with the input's static shape. */
  build(_inputShape: TensorShape): void {
    this.built = true;
  }

  /** The layer's computation; the base layer passes its input through. */
  call(inputs: Tensor, _kwargs: CallKwargs = {}): Tensor {
    return inputs;
  }

  /** The static output shape for `inputShape` (batch size may be unknown). */
  computeOutputShape(inputShape: ShapeLike): TensorShape {
    return TensorShape.from(inputShape);
  }

  /**
   * TF's __call__: checks the input spec, builds on the first call (in the layer's variable
   * scope, reusing from then on), calls, applies the activity regularizer, records the call
   * as an inbound node and adds the layer's updates to UPDATE_OPS.
   */
  apply(inputs: TensorLike, kwargs: CallKwargs = {}): Tensor {
    const { scope, ...rest } = kwargs;
    const graph = graphOf([inputs]);
    return graph.asDefault(() => {
      const x = symbolicOf(inputs) ?? constant(inputs as HostValue);
      this.setScope(scope ?? null);
      const reuse = this.built ? true : this._reuse;
      const output = variableScope(this._scope!, { reuse, auxiliaryNameScope: false }, (vs) => {
        this._currentScope = vs;
        return graph.nameScope(vs.originalNameScope || null, () =>
          this.callInScope(graph, x, rest),
        );
      });
      const updates = graph.getCollectionRef(GraphKeys.UPDATE_OPS);
      for (const u of this.updates) if (!updates.includes(u)) updates.push(u);
      return output;
    });
  }

  private callInScope(graph: Graph, x: Tensor, kwargs: CallKwargs): Tensor {
    assertInputCompatibility(this.inputSpec, [x], this._name);
    if (!this.built) {
      this._dtype ??= x.dtype;
      this.build(x.shape);
      this.built = true;
    }
    const output: Tensor | null | undefined = this.call(x, kwargs);
    if (output === undefined || output === null) {
      throw new ValueError(
        `A layer's \`call\` method should return a Tensor or a list of Tensors, not None (layer: ${this._name}).`,
      );
    }
    if (this.activityRegularizer) {
      const reg = this.activityRegularizer;
      const loss = graph.nameScope('ActivityRegularizer', () =>
        activityRegularizationLoss(reg, output),
      );
      if (loss) this.addLoss(loss, x);
    }
    this._inboundNodes.push({ input: x, output, inputShape: x.shape, outputShape: output.shape });
    this._graph ??= graph;
    return output;
  }

  /** TF's _set_scope: the variable scope is captured on first use, made unique unless reusing. */
  private setScope(scope: string | VariableScope | null): void {
    if (this._scope !== null) return;
    this._scope = this._reuse
      ? variableScope(scope ?? this._baseName, (s) => s)
      : variableScope(scope, { defaultName: this._baseName }, (s) => s);
  }

  // ---- variables, losses, updates ----------------------------------------------------

  /**
   * Adds a variable to the layer (or gets it, when reusing): created by tf.getVariable in the
   * layer's scope, so its name is 'conv2d/kernel:0'. Trainable variables of a trainable layer
   * go to TRAINABLE_VARIABLES; a regularizer's loss (for a new variable) to the layer's losses
   * and REGULARIZATION_LOSSES; a constraint stays on the variable for the optimizer.
   */
  addWeight(name: string, shape: ShapeLike, options: AddVariableOptions = {}): Variable {
    if (options.partitioner !== undefined && options.partitioner !== null) {
      throw new NotImplementedError('Partitioned variables are not supported by tfgraph layers.');
    }
    const graph = getDefaultGraph();
    const dtype = options.dtype ?? this._dtype ?? 'float32';
    const trainable = (options.trainable ?? true) && this.trainable;
    this.setScope(null);
    const existing = new Set(graph.getCollectionRef(GraphKeys.GLOBAL_VARIABLES));
    const reuse = this.built || this._reuse;
    return variableScope(this._scope!, { reuse, auxiliaryNameScope: false }, (vs) => {
      this._currentScope = vs;
      return graph.nameScope(vs.originalNameScope || null, () => {
        const variable = getVariable(name, {
          shape: shape ?? undefined,
          dtype,
          initializer: options.initializer ?? null,
          trainable,
          constraint: options.constraint ?? null,
        });
        // A variable found under reuse, created non-trainable elsewhere, stays non-trainable.
        const isTrainable =
          trainable && graph.getCollectionRef(GraphKeys.TRAINABLE_VARIABLES).includes(variable);
        (isTrainable ? this._trainableWeights : this._nonTrainableWeights).push(variable);
        const reg = options.regularizer;
        if (reg && !existing.has(variable)) {
          const loss = graph.nameScope(`${name}/Regularizer`, () => reg(variable.value()));
          if (loss) this.addLoss(loss);
        }
        return variable;
      });
    });
  }

  /** TF1's name for addWeight. */
  addVariable(name: string, shape: ShapeLike, options: AddVariableOptions = {}): Variable {
    return this.addWeight(name, shape, options);
  }

  /**
   * Adds loss tensors; with `inputs`, they are conditional on those inputs (an activity
   * loss), without, unconditional (a weight regularizer). They also go to
   * REGULARIZATION_LOSSES, as tf.layers does.
   */
  addLoss(
    losses: Tensor | readonly (Tensor | null)[] | null,
    inputs: Tensor | readonly Tensor[] | null = null,
  ): void {
    const list = (Array.isArray(losses) ? losses : [losses]).filter(
      (l): l is Tensor => l instanceof Tensor,
    );
    for (const l of list) this._losses.push({ value: l, conditional: inputs !== null });
    for (const l of list) {
      const coll = l.graph.getCollectionRef(GraphKeys.REGULARIZATION_LOSSES);
      if (!coll.includes(l)) coll.push(l);
    }
  }

  /**
   * Adds update ops; with `inputs`, conditional on them (BatchNormalization's moving
   * averages). Each call of the layer adds them to UPDATE_OPS.
   */
  addUpdate(
    updates: Tensor | Operation | readonly (Tensor | Operation)[],
    inputs: Tensor | readonly Tensor[] | null = null,
  ): void {
    const list = Array.isArray(updates) ? updates : [updates];
    for (const u of list) {
      if (!(u instanceof Tensor) && !(u instanceof Operation))
        throw new ValueError(`addUpdate expects tensors or operations, got ${String(u)}`);
      this._updates.push({ value: u, conditional: inputs !== null });
    }
  }

  /** The losses that depend on `inputs` (or, for null, the unconditional ones). */
  getLossesFor(inputs: Tensor | readonly Tensor[] | null): Tensor[] {
    return selectFor(this._losses, inputs);
  }

  /** The updates that depend on `inputs` (or, for null, the unconditional ones). */
  getUpdatesFor(inputs: Tensor | readonly Tensor[] | null): (Tensor | Operation)[] {
    return this.trainable ? selectFor(this._updates, inputs) : [];
  }

  /** The number of scalars in the layer's weights; ValueError before it is built. */
  countParams(): number {
    if (!this.built) {
      throw new ValueError(
        `You tried to call \`count_params\` on ${this._name}, but the layer isn't built. You can build it manually via: \`${this._name}.build(batch_input_shape)\`.`,
      );
    }
    return this.weights.reduce((n, w) => n + (w.shape.size ?? 0), 0);
  }

  // ---- inbound nodes -----------------------------------------------------------------

  /** The input of the layer's only call; AttributeError when it was never or several times called. */
  get input(): Tensor {
    return this._inboundNodes.single('input').input;
  }

  /** The output of the layer's only call; AttributeError when it was never or several times called. */
  get output(): Tensor {
    return this._inboundNodes.single('output').output;
  }

  /** The input shape (a list, null entries unknown), if every call had the same one. */
  get inputShape(): Dim[] | null {
    return this._inboundNodes.sameShape('input');
  }

  /** The output shape (a list, null entries unknown), if every call had the same one. */
  get outputShape(): Dim[] | null {
    return this._inboundNodes.sameShape('output');
  }

  /** The input of call `nodeIndex` (0 is the first call). */
  getInputAt(nodeIndex: number): Tensor {
    return this._inboundNodes.at(nodeIndex, 'input').input;
  }

  /** The output of call `nodeIndex`. */
  getOutputAt(nodeIndex: number): Tensor {
    return this._inboundNodes.at(nodeIndex, 'output').output;
  }

  getInputShapeAt(nodeIndex: number): Dim[] | null {
    return this._inboundNodes.shapeAt(nodeIndex, 'input');
  }

  getOutputShapeAt(nodeIndex: number): Dim[] | null {
    return this._inboundNodes.shapeAt(nodeIndex, 'output');
  }

  /** The number of calls so far. */
  get inboundNodeCount(): number {
    return this._inboundNodes.length;
  }

  /** The variable scope of the current (or last) call or build. */
  protected get currentScope(): VariableScope | null {
    return this._currentScope;
  }

  /** A Keras-like table of the layer, its output shape and parameter count; printed unless `print` is false. */
  summary(options: SummaryOptions = {}): string {
    return formatSummary([this], { title: `Layer: "${this._name}"`, ...options });
  }

  toString(): string {
    return `<tf.layers.${this.constructor.name} '${this._name}'>`;
  }
}
