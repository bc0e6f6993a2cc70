import type { Operation } from '../graph/operation.js';
import type { Tensor } from '../graph/tensor.js';
import type { TensorLike } from '../ops/core/tensor_like.js';
import { applyGradientDescent } from '../ops/train/apply_gradient_descent.js';
import type { Variable } from '../variables/variable.js';
import { hyperTensor, Optimizer } from './optimizer.js';

/** var -= learningRate * grad. @example new tf.train.GradientDescentOptimizer(0.1).minimize(loss) */
export class GradientDescentOptimizer extends Optimizer {
  private lr: Tensor | null = null;

  constructor(
    readonly learningRate: TensorLike,
    options: { useLocking?: boolean; name?: string } = {},
  ) {
    super(options.useLocking ?? false, options.name ?? 'GradientDescent');
  }

  protected createSlots(): void {}

  protected prepare(): void {
    this.lr = hyperTensor(this.learningRate, 'learning_rate');
  }

  protected applyDense(grad: Tensor, v: Variable): Operation {
    return applyGradientDescent(v.variableRef(), this.lr!, grad, { useLocking: this.useLocking }).op;
  }
}
