import type * as tfc from '@tensorflow/tfjs-core';
import type { IrGraph } from '../ir.js';

/** What a pass may ask of the compiler. */
export interface PassContext {
  /** The backend the plan will run on (fusion asks what its fused kernels support). */
  readonly backendName: string;
  /**
   * Registers a tensor a rewritten node holds (a folded value). The compiler keeps the ones the
   * final plan still uses (the plan owns them until the session closes) and disposes the rest.
   */
  hold(t: tfc.Tensor): void;
}

export interface PassResult {
  readonly graph: IrGraph;
  /** One line per rewrite, for explain: "folded 'gradients/Fill' (Fill)". */
  readonly rewrites: readonly string[];
}

/**
 * A compiler pass: a pure function of the pruned subgraph (it never mutates its input, nor the
 * user's Graph). Switched by `name` in `new Session({optimize: {[name]: false}})`.
 */
export interface Pass {
  readonly name: string;
  readonly description: string;
  run(g: IrGraph, ctx: PassContext): PassResult;
}
