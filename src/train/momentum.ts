import type { Operation } from '../graph/operation.js';
import type { Tensor } from '../graph/tensor.js';
import type { TensorLike } from '../ops/core/tensor_like.js';
import { applyMomentum } from '../ops/train/apply_momentum.js';
import type { Variable } from '../variables/variable.js';
import { hyperTensor, Optimizer } from './optimizer.js';

/** TF1's MomentumOptimizer (slot 'momentum', named '<var>/Momentum'). @example new tf.train.MomentumOptimizer(0.01, 0.9, {useNesterov: true}) */
export class MomentumOptimizer extends Optimizer {
  readonly useNesterov: boolean;
  private lr: Tensor | null = null;
  private mom: Tensor | null = null;

  constructor(
    readonly learningRate: TensorLike,
    readonly momentum: TensorLike,
    options: { useLocking?: boolean; name?: string; useNesterov?: boolean } = {},
  ) {
    super(options.useLocking ?? false, options.name ?? 'Momentum');
    this.useNesterov = options.useNesterov ?? false;
  }

  protected createSlots(vars: readonly Variable[]): void {
    for (const v of vars) this.zerosSlot(v, 'momentum');
  }

  protected prepare(): void {
    this.lr = hyperTensor(this.learningRate, 'learning_rate');
    this.mom = hyperTensor(this.momentum, 'momentum');
  }

  protected applyDense(grad: Tensor, v: Variable): Operation {
    const accum = this.getSlot(v, 'momentum')!;
    return applyMomentum(v.variableRef(), accum.variableRef(), this.lr!, grad, this.mom!, { useLocking: this.useLocking, useNesterov: this.useNesterov }).op;
  }
}
