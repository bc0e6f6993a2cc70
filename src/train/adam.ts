import type { Operation } from '../graph/operation.js';
import type { Tensor } from '../graph/tensor.js';
import type { TensorLike } from '../ops/core/tensor_like.js';
import { multiply } from '../ops/math/mul.js';
import { applyAdam } from '../ops/train/apply_adam.js';
import type { Variable } from '../variables/variable.js';
import { hyperTensor, Optimizer } from './optimizer.js';

export interface AdamOptions {
  learningRate?: TensorLike;
  beta1?: number;
  beta2?: number;
  epsilon?: number;
  useLocking?: boolean;
  name?: string;
}

/**
 * TF1's AdamOptimizer: slots 'm' and 'v' ('<var>/Adam', '<var>/Adam_1'), bias correction
 * through the non-slot variables beta1_power and beta2_power, updated after every step.
 * @example new tf.train.AdamOptimizer({learningRate: 1e-3}).minimize(loss, {globalStep})
 */
export class AdamOptimizer extends Optimizer {
  readonly learningRate: TensorLike;
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
  private t: Record<'lr' | 'beta1' | 'beta2' | 'epsilon', Tensor> | null = null;

  constructor(options: AdamOptions = {}) {
    super(options.useLocking ?? false, options.name ?? 'Adam');
    this.learningRate = options.learningRate ?? 0.001;
    this.beta1 = options.beta1 ?? 0.9;
    this.beta2 = options.beta2 ?? 0.999;
    this.epsilon = options.epsilon ?? 1e-8;
  }

  protected createSlots(vars: readonly Variable[]): void {
    // Colocated with the first variable by name, as TF does.
    const first = [...vars].sort((a, b) => (a.name < b.name ? -1 : 1))[0]!;
    this.nonSlotVariable(this.beta1, 'beta1_power', first.graph);
    this.nonSlotVariable(this.beta2, 'beta2_power', first.graph);
    for (const v of vars) {
      this.zerosSlot(v, 'm');
      this.zerosSlot(v, 'v');
    }
  }

  protected prepare(): void {
    this.t = {
      lr: hyperTensor(this.learningRate, 'learning_rate'),
      beta1: hyperTensor(this.beta1, 'beta1'),
      beta2: hyperTensor(this.beta2, 'beta2'),
      epsilon: hyperTensor(this.epsilon, 'epsilon'),
    };
  }

  protected applyDense(grad: Tensor, v: Variable): Operation {
    const t = this.t!;
    const m = this.getSlot(v, 'm')!;
    const vv = this.getSlot(v, 'v')!;
    return applyAdam(v.variableRef(), m.variableRef(), vv.variableRef(), this.getNonSlot('beta1_power'), this.getNonSlot('beta2_power'), t.lr, t.beta1, t.beta2, t.epsilon, grad, {
      useLocking: this.useLocking,
    }).op;
  }

  /** After every update: beta1_power *= beta1, beta2_power *= beta2. */
  protected override finish(updates: readonly Operation[], name: string): Operation {
    const b1 = this.getNonSlot('beta1_power');
    const b2 = this.getNonSlot('beta2_power');
    const graph = b1.graph;
    const powers = graph.controlDependencies([...updates], () => [
      b1.assign(multiply(b1, this.t!.beta1), { useLocking: this.useLocking }).op,
      b2.assign(multiply(b2, this.t!.beta2), { useLocking: this.useLocking }).op,
    ]);
    return super.finish([...updates, ...powers], name);
  }
}
