import type { Operation } from '../graph/operation.js';
import type { Tensor } from '../graph/tensor.js';
import { constantInitializer } from '../init/initializers.js';
import type { TensorLike } from '../ops/core/tensor_like.js';
import { applyAdagrad } from '../ops/train/apply_adagrad.js';
import type { Variable } from '../variables/variable.js';
import { hyperTensor, Optimizer } from './optimizer.js';

/** TF1's AdagradOptimizer (slot 'accumulator', '<var>/Adagrad'). @example new tf.train.AdagradOptimizer(0.1, {initialAccumulatorValue: 0.1}) */
export class AdagradOptimizer extends Optimizer {
  readonly initialAccumulatorValue: number;
  private lr: Tensor | null = null;

  constructor(
    readonly learningRate: TensorLike,
    options: { initialAccumulatorValue?: number; useLocking?: boolean; name?: string } = {},
  ) {
    super(options.useLocking ?? false, options.name ?? 'Adagrad');
    this.initialAccumulatorValue = options.initialAccumulatorValue ?? 0.1;
  }

  protected createSlots(vars: readonly Variable[]): void {
    for (const v of vars) this.slotWithInitializer(v, constantInitializer(this.initialAccumulatorValue), 'accumulator');
  }

  protected prepare(): void {
    this.lr = hyperTensor(this.learningRate, 'learning_rate');
  }

  protected applyDense(grad: Tensor, v: Variable): Operation {
    return applyAdagrad(v.variableRef(), this.getSlot(v, 'accumulator')!.variableRef(), this.lr!, grad, { useLocking: this.useLocking }).op;
  }
}
