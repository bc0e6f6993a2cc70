import { TypeError, ValueError } from '../../errors.js';
import { isFloating } from '../../graph/dtype.js';
import { TensorShape, type ShapeLike } from '../../graph/shape.js';
import type { Tensor } from '../../graph/tensor.js';
import { zerosInitializer } from '../../init/initializers.js';
import { matmul } from '../../ops/math/mat_mul.js';
import { biasAdd } from '../../ops/nn/bias_add.js';
import type { Variable } from '../../variables/variable.js';
import type { Regularizer } from '../../variables/variable_scope.js';
import type { Constraint } from '../../variables/variable.js';
import type { ActivationLike } from '../activations.js';
import { Layer, type LayerOptions } from '../base.js';
import type { LayerInitializer, LayerInitializerLike } from '../initializers.js';
import { InputSpec } from '../input_spec.js';
import * as opt from '../options.js';
import { tensordotLastAxis } from './tensordot.js';
import { applyFunctional, type FunctionalForm } from '../functional.js';
import type { TensorLike } from '../../ops/core/tensor_like.js';

export interface DenseOptions extends LayerOptions {
  units: number;
  activation?: ActivationLike | null;
  useBias?: boolean;
  kernelInitializer?: LayerInitializerLike | null;
  biasInitializer?: LayerInitializerLike | null;
  kernelRegularizer?: Regularizer | null;
  biasRegularizer?: Regularizer | null;
  kernelConstraint?: Constraint | null;
  biasConstraint?: Constraint | null;
}

const denseSchema = opt.optionsSchema({
  ...opt.baseShape,
  units: opt.positiveInt('units'),
  activation: opt.activation,
  useBias: opt.bool('useBias', true),
  kernelInitializer: opt.initializer('kernelInitializer'),
  biasInitializer: opt.initializer('biasInitializer', zerosInitializer),
  kernelRegularizer: opt.regularizer('kernelRegularizer'),
  biasRegularizer: opt.regularizer('biasRegularizer'),
  kernelConstraint: opt.constraint('kernelConstraint'),
  biasConstraint: opt.constraint('biasConstraint'),
});

/**
 * Densely-connected layer: `activation(inputs · kernel + bias)`, kernel (in, units). Inputs
 * of rank > 2 are contracted on their last axis (tensordot), as TF1 does.
 * @example const y = new tf.layers.Dense({units: 10, activation: 'relu'}).apply(x)
 */
export class Dense extends Layer {
  readonly units: number;
  readonly activation: ((x: Tensor) => Tensor) | null;
  readonly useBias: boolean;
  readonly kernelInitializer: LayerInitializer | null;
  readonly biasInitializer: LayerInitializer | null;
  readonly kernelRegularizer: Regularizer | null;
  readonly biasRegularizer: Regularizer | null;
  readonly kernelConstraint: Constraint | null;
  readonly biasConstraint: Constraint | null;
  kernel: Variable | null = null;
  bias: Variable | null = null;

  constructor(options: DenseOptions) {
    const o = opt.parseOptions(denseSchema, options, new.target.name);
    super(opt.baseOf(o));
    this.units = o.units;
    this.activation = o.activation;
    this.useBias = o.useBias;
    this.kernelInitializer = o.kernelInitializer;
    this.biasInitializer = o.biasInitializer;
    this.kernelRegularizer = o.kernelRegularizer;
    this.biasRegularizer = o.biasRegularizer;
    this.kernelConstraint = o.kernelConstraint;
    this.biasConstraint = o.biasConstraint;
    this.inputSpec = new InputSpec({ minNdim: 2 });
  }

  override build(inputShape: TensorShape): void {
    const dtype = this.dtype ?? 'float32';
    if (!isFloating(dtype))
      throw new TypeError(`Unable to build \`Dense\` layer with non-floating point dtype ${dtype}`);
    const last = inputShape.dim(-1);
    if (inputShape.rank === null || last === null) {
      throw new ValueError(
        'The last dimension of the inputs to `Dense` should be defined. Found `None`.',
      );
    }
    this.inputSpec = new InputSpec({ minNdim: 2, axes: { [-1]: last } });
    this.kernel = this.addWeight('kernel', [last, this.units], {
      initializer: this.kernelInitializer,
      regularizer: this.kernelRegularizer,
      constraint: this.kernelConstraint,
      dtype,
    });
    this.bias = this.useBias
      ? this.addWeight('bias', [this.units], {
          initializer: this.biasInitializer,
          regularizer: this.biasRegularizer,
          constraint: this.biasConstraint,
          dtype,
        })
      : null;
    super.build(inputShape);
  }

  override call(inputs: Tensor): Tensor {
    const rank = inputs.shape.rank ?? 2;
    let outputs = rank > 2 ? tensordotLastAxis(inputs, this.kernel!) : matmul(inputs, this.kernel!);
    if (this.bias) outputs = biasAdd(outputs, this.bias);
    return this.activation ? this.activation(outputs) : outputs;
  }

  override computeOutputShape(inputShape: ShapeLike): TensorShape {
    const s = TensorShape.from(inputShape).withRankAtLeast(2);
    if (s.dim(-1) === null)
      throw new ValueError(
        `The innermost dimension of input_shape must be defined, but saw: ${s.toString()}`,
      );
    return new TensorShape([...s.dims!.slice(0, -1), this.units]);
  }
}

/**
 * Functional Dense (TF1's tf.layers.dense): a new layer applied to `inputs`; `name` with
 * `reuse: true` shares the variables of an earlier layer of that name.
 * @example const logits = tf.layers.dense(h, {units: 10, name: 'logits'})
 */
export function dense(inputs: TensorLike, options: FunctionalForm<DenseOptions>): Tensor {
  return applyFunctional((o: DenseOptions) => new Dense(o), inputs, options);
}
