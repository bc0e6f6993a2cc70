import type { Operation } from '../graph/operation.js';
import type { Tensor } from '../graph/tensor.js';
import { onesInitializer } from '../init/initializers.js';
import type { TensorLike } from '../ops/core/tensor_like.js';
import { applyCenteredRMSProp } from '../ops/train/apply_centered_rms_prop.js';
import { applyRMSProp } from '../ops/train/apply_rms_prop.js';
import type { Variable } from '../variables/variable.js';
import { hyperTensor, Optimizer } from './optimizer.js';

export interface RMSPropOptions {
  decay?: number;
  momentum?: number;
  epsilon?: number;
  centered?: boolean;
  useLocking?: boolean;
  name?: string;
}

/**
 * TF1's RMSPropOptimizer: slots 'rms' (starts at ones), 'mg' when centered, 'momentum',
 * named '<var>/RMSProp', '_1', '_2' in that order.
 * @example new tf.train.RMSPropOptimizer(0.001, {momentum: 0.9, centered: true})
 */
export class RMSPropOptimizer extends Optimizer {
  readonly decay: number;
  readonly momentum: number;
  readonly epsilon: number;
  readonly centered: boolean;
  private t: Record<'lr' | 'decay' | 'momentum' | 'epsilon', Tensor> | null = null;

  constructor(
    readonly learningRate: TensorLike,
    options: RMSPropOptions = {},
  ) {
    super(options.useLocking ?? false, options.name ?? 'RMSProp');
    this.decay = options.decay ?? 0.9;
    this.momentum = options.momentum ?? 0;
    this.epsilon = options.epsilon ?? 1e-10;
    this.centered = options.centered ?? false;
  }

  protected createSlots(vars: readonly Variable[]): void {
    for (const v of vars) {
      this.slotWithInitializer(v, onesInitializer(), 'rms');
      if (this.centered) this.zerosSlot(v, 'mg');
      this.zerosSlot(v, 'momentum');
    }
  }

  protected prepare(): void {
    this.t = {
      lr: hyperTensor(this.learningRate, 'learning_rate'),
      decay: hyperTensor(this.decay, 'decay'),
      momentum: hyperTensor(this.momentum, 'momentum'),
      epsilon: hyperTensor(this.epsilon, 'epsilon'),
    };
  }

  protected applyDense(grad: Tensor, v: Variable): Operation {
    const t = this.t!;
    const rms = this.getSlot(v, 'rms')!.variableRef();
    const mom = this.getSlot(v, 'momentum')!.variableRef();
    const o = { useLocking: this.useLocking };
    if (this.centered) {
      const mg = this.getSlot(v, 'mg')!.variableRef();
      return applyCenteredRMSProp(v.variableRef(), mg, rms, mom, t.lr, t.decay, t.momentum, t.epsilon, grad, o).op;
    }
    return applyRMSProp(v.variableRef(), rms, mom, t.lr, t.decay, t.momentum, t.epsilon, grad, o).op;
  }
}
