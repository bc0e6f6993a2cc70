import { ValueError } from '../errors.js';
import type { DType } from '../graph/dtype.js';
import type { Operation } from '../graph/operation.js';
import { TensorShape, type ShapeLike } from '../graph/shape.js';
import type { Tensor } from '../graph/tensor.js';
import { onesInitializer, zerosInitializer } from '../init/initializers.js';
import { constant } from '../ops/array/const.js';
import { reshape } from '../ops/array/reshape.js';
import { symbolicOf, type TensorLike } from '../ops/core/tensor_like.js';
import { multiply } from '../ops/math/mul.js';
import { subtract } from '../ops/math/sub.js';
import { batchNormalization as nnBatchNormalization } from '../ops/nn/batch_normalization.js';
import { fusedBatchNorm } from '../ops/nn/fused_batch_norm.js';
import { moments } from '../ops/nn/moments.js';
import { assignSub } from '../ops/state/assign_sub.js';
import type { Constraint, Variable } from '../variables/variable.js';
import type { Regularizer } from '../variables/variable_scope.js';
import { Layer, type CallKwargs, type LayerOptions } from './base.js';
import { applyFunctional, type FunctionalForm } from './functional.js';
import type { LayerInitializerLike } from './initializers.js';
import { InputSpec } from './input_spec.js';
import * as opt from './options.js';
import { smartCond, smartCond3, staticTraining, type TrainingFlag } from './smart_cond.js';

export interface BatchNormalizationOptions extends LayerOptions {
  /** The features axis (or axes) to normalize per; default -1 (channels last). */
  axis?: number | readonly number[];
  momentum?: number;
  epsilon?: number;
  /** Add the learned offset beta. */
  center?: boolean;
  /** Multiply by the learned scale gamma. */
  scale?: boolean;
  betaInitializer?: LayerInitializerLike | null;
  gammaInitializer?: LayerInitializerLike | null;
  movingMeanInitializer?: LayerInitializerLike | null;
  movingVarianceInitializer?: LayerInitializerLike | null;
  betaRegularizer?: Regularizer | null;
  gammaRegularizer?: Regularizer | null;
  betaConstraint?: Constraint | null;
  gammaConstraint?: Constraint | null;
  /** null/true: one FusedBatchNormV3 op when the input is 4-D with axis 1 or 3; false: never. */
  fused?: boolean | null;
}

const bnSchema = opt.optionsSchema({
  ...opt.baseShape,
  axis: opt.field<number[]>(
    (v) => {
      const list = typeof v === 'number' ? [v] : Array.isArray(v) ? [...(v as unknown[])] : null;
      return list !== null && list.length > 0 && list.every((a) => Number.isInteger(a))
        ? { ok: list as number[] }
        : {
            error: `The \`axis\` argument must be an integer or a list of integers. Received: ${opt.show(v)}`,
          };
    },
    () => [-1],
  ),
  momentum: opt.num('momentum', 0.99),
  epsilon: opt.num('epsilon', 1e-3, (e) => e > 0, 'a positive number'),
  center: opt.bool('center', true),
  scale: opt.bool('scale', true),
  betaInitializer: opt.initializer('betaInitializer', zerosInitializer),
  gammaInitializer: opt.initializer('gammaInitializer', onesInitializer),
  movingMeanInitializer: opt.initializer('movingMeanInitializer', zerosInitializer),
  movingVarianceInitializer: opt.initializer('movingVarianceInitializer', onesInitializer),
  betaRegularizer: opt.regularizer('betaRegularizer'),
  gammaRegularizer: opt.regularizer('gammaRegularizer'),
  betaConstraint: opt.constraint('betaConstraint'),
  gammaConstraint: opt.constraint('gammaConstraint'),
  fused: opt.field<boolean | null>(
    (v) =>
      v === null || typeof v === 'boolean'
        ? { ok: v as boolean | null }
        : { error: `The \`fused\` argument must be a boolean or null. Received: ${opt.show(v)}` },
    () => null,
  ),
});
type ParsedBn = ReturnType<typeof bnSchema.parse>;

/**
 * Batch normalization (TF1's tf.layers.BatchNormalization): normalizes with the batch's
 * statistics while training and with the moving mean and variance otherwise. gamma and beta
 * are trainable; moving_mean and moving_variance are non-trainable variables whose
 * AssignMovingAvg updates go to the layer's updates and UPDATE_OPS (run them with the train
 * op). `training` (default false) is a boolean or a boolean tensor given at call time.
 * @example
 * const y = tf.layers.batchNormalization(x, {training: isTraining});
 * const updates = tf.getCollection(tf.GraphKeys.UPDATE_OPS);
 */
export class BatchNormalization extends Layer {
  axis: number[];
  readonly momentum: number;
  readonly epsilon: number;
  readonly center: boolean;
  readonly scale: boolean;
  private readonly o: ParsedBn;
  /** Whether the fused kernel is used; decided by build (null before). */
  fused: boolean | null;
  gamma: Variable | null = null;
  beta: Variable | null = null;
  movingMean: Variable | null = null;
  movingVariance: Variable | null = null;
  private gammaConst: Tensor | null = null;
  private betaConst: Tensor | null = null;
  private dataFormat: 'NHWC' | 'NCHW' = 'NHWC';

  constructor(options: BatchNormalizationOptions = {}) {
    const o = opt.parseOptions(bnSchema, options, new.target.name);
    super(opt.baseOf(o));
    this.o = o;
    this.axis = [...o.axis];
    this.momentum = o.momentum;
    this.epsilon = o.epsilon;
    this.center = o.center;
    this.scale = o.scale;
    this.fused = o.fused;
  }

  override build(inputShape: TensorShape): void {
    const dims = inputShape.dims;
    if (dims === null || dims.length === 0)
      throw new ValueError(`Input has undefined rank: ${inputShape.toString()}`);
    const ndims = dims.length;
    this.axis = this.axis.map((a) => (a < 0 ? ndims + a : a));
    for (const a of this.axis) if (a < 0 || a >= ndims) throw new ValueError(`Invalid axis: ${a}`);
    if (new Set(this.axis).size !== this.axis.length)
      throw new ValueError(`Duplicate axis: [${this.axis.join(', ')}]`);
    // TF1 (V1 behaviour): fused unless asked not to, when the kernel can do it.
    const fusable =
      ndims === 4 && this.axis.length === 1 && (this.axis[0] === 1 || this.axis[0] === 3);
    this.fused = this.fused !== false && fusable;
    if (this.fused) this.dataFormat = this.axis[0] === 1 ? 'NCHW' : 'NHWC';
    const axisDims: Record<number, number> = {};
    for (const a of this.axis) {
      const d = dims[a] ?? null;
      if (d === null)
        throw new ValueError(
          `Input has undefined \`axis\` dimension. Input shape: ${inputShape.toString()}`,
        );
      axisDims[a] = d;
    }
    this.inputSpec = new InputSpec({ ndim: ndims, axes: axisDims });
    const paramShape =
      this.axis.length === 1 ? [axisDims[this.axis[0]!]!] : dims.map((_, i) => axisDims[i] ?? 1);
    const dtype: DType = this.dtype ?? 'float32';
    const o = this.o;
    if (this.scale) {
      this.gamma = this.addWeight('gamma', paramShape, {
        dtype,
        initializer: o.gammaInitializer,
        regularizer: o.gammaRegularizer,
        constraint: o.gammaConstraint,
      });
    } else if (this.fused) {
      this.gammaConst = constant(1, { dtype, shape: paramShape });
    }
    if (this.center) {
      this.beta = this.addWeight('beta', paramShape, {
        dtype,
        initializer: o.betaInitializer,
        regularizer: o.betaRegularizer,
        constraint: o.betaConstraint,
      });
    } else if (this.fused) {
      this.betaConst = constant(0, { dtype, shape: paramShape });
    }
    this.movingMean = this.addWeight('moving_mean', paramShape, {
      dtype,
      initializer: o.movingMeanInitializer,
      trainable: false,
    });
    this.movingVariance = this.addWeight('moving_variance', paramShape, {
      dtype,
      initializer: o.movingVarianceInitializer,
      trainable: false,
    });
    this.built = true;
  }

  override call(inputs: Tensor, kwargs: CallKwargs = {}): Tensor {
    const training = (kwargs.training ?? false) as TrainingFlag;
    return this.fused ? this.fusedCall(inputs, training) : this.plainCall(inputs, training);
  }

  /** TF's _assign_moving_average: variable -= (variable - value) * (1 - momentum), as AssignMovingAvg. */
  private assignMovingAverage(
    variable: Variable,
    value: Tensor,
    momentum: number | Tensor,
  ): Operation {
    return variable.graph.nameScope('AssignMovingAvg', (scope) => {
      // Python's operators: the ops are named 'sub' and 'mul', as TF names them.
      const decay =
        typeof momentum === 'number'
          ? constant(1 - momentum, { dtype: variable.dtype, name: 'decay' })
          : subtract(1, momentum, 'sub');
      const delta = multiply(subtract(variable, value, 'sub'), decay, 'mul');
      return assignSub(variable, delta, { name: scope }).op;
    });
  }

  private fusedCall(inputs: Tensor, training: TrainingFlag): Tensor {
    const gamma = this.gamma ?? this.gammaConst!;
    const beta = this.beta ?? this.betaConst!;
    const common = { epsilon: this.epsilon, dataFormat: this.dataFormat };
    const [output, mean, variance] = smartCond3(
      training,
      () => fusedBatchNorm(inputs, gamma, beta, common),
      () =>
        fusedBatchNorm(inputs, gamma, beta, {
          ...common,
          mean: this.movingMean!,
          variance: this.movingVariance!,
          isTraining: false,
        }),
    );
    const known = staticTraining(training);
    if (known !== false) {
      // With a training tensor, momentum 1 (no change) when not training, as TF1 builds it.
      const momentum =
        known === null
          ? smartCond(
              training,
              () => constant(this.momentum),
              () => constant(1),
            )
          : constant(this.momentum);
      this.addUpdate(this.assignMovingAverage(this.movingMean!, mean, momentum), inputs);
      this.addUpdate(this.assignMovingAverage(this.movingVariance!, variance, momentum), inputs);
    }
    return output;
  }

  private plainCall(inputs: Tensor, training: TrainingFlag): Tensor {
    const dims = inputs.shape.asList();
    const ndims = dims.length;
    const reductionAxes = dims.map((_, i) => i).filter((i) => !this.axis.includes(i));
    const broadcastShape = new Array<number>(ndims).fill(1);
    broadcastShape[this.axis[0]!] = dims[this.axis[0]!]!;
    // TF's _broadcast: a parameter of lower rank is reshaped unless the axis is the last one.
    const needsBroadcast = !(
      reductionAxes.length === ndims - 1 && reductionAxes.every((a, i) => a === i)
    );
    const broadcast = (v: TensorLike | null): TensorLike | null => {
      if (v === null) return null;
      const rank = symbolicOf(v)?.shape.rank ?? null;
      return rank !== ndims && needsBroadcast ? reshape(v, Int32Array.from(broadcastShape)) : v;
    };
    const scale = broadcast(this.gamma);
    const offset = broadcast(this.beta);
    let mean: TensorLike;
    let variance: TensorLike;
    if (staticTraining(training) === false) {
      mean = this.movingMean!;
      variance = this.movingVariance!;
    } else {
      const [batchMean, batchVariance] = moments(inputs, reductionAxes, {
        keepdims: this.axis.length > 1,
      });
      const movingMean = this.movingMean!;
      const movingVariance = this.movingVariance!;
      const m = smartCond(
        training,
        () => batchMean,
        () => movingMean.value(),
      );
      const v = smartCond(
        training,
        () => batchVariance,
        () => movingVariance.value(),
      );
      // A training tensor: the updates always run, with momentum 1 (no change) when not
      // training, as TF1's fused path builds them; an assignment stays out of the cond.
      const momentum =
        staticTraining(training) === null
          ? smartCond(
              training,
              () => constant(this.momentum),
              () => constant(1),
            )
          : this.momentum;
      this.addUpdate(this.assignMovingAverage(movingMean, m, momentum), inputs);
      this.addUpdate(this.assignMovingAverage(movingVariance, v, momentum), inputs);
      mean = m;
      variance = v;
    }
    const outputs = nnBatchNormalization(
      inputs,
      broadcast(mean)!,
      broadcast(variance)!,
      offset,
      scale,
      this.epsilon,
    );
    outputs.setShape(inputs.shape);
    return outputs;
  }

  override computeOutputShape(inputShape: ShapeLike): TensorShape {
    return TensorShape.from(inputShape);
  }
}

/**
 * Functional BatchNormalization; `training` (default false) may be a boolean tensor.
 * @example const y = tf.layers.batchNormalization(conv, {training: true, name: 'bn1'})
 */
export function batchNormalization(
  inputs: TensorLike,
  options: FunctionalForm<BatchNormalizationOptions> & { training?: TrainingFlag } = {},
): Tensor {
  const { training, ...rest } = options;
  return applyFunctional(
    (o: BatchNormalizationOptions) => new BatchNormalization(o),
    inputs,
    rest,
    { training: training ?? false },
  );
}
