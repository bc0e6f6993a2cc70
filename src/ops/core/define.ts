import type * as tfc from '@tensorflow/tfjs-core';
import type { DType } from '../../graph/dtype.js';
import type { Graph, OutputSpec } from '../../graph/graph.js';
import type { NDArray } from '../../graph/ndarray.js';
import type { Operation } from '../../graph/operation.js';
import type { TensorShape } from '../../graph/shape.js';
import type { Tensor } from '../../graph/tensor.js';
import type { AttrSchemas, Attrs } from './attr.js';

/** What shape inference sees of one input: static dtype and shape, and its value when constant. */
export interface InferInput {
  readonly dtype: DType;
  readonly shape: TensorShape;
  /** The input's value when it is known while building (a Const, a Shape of a known shape). */
  readonly value: NDArray | null;
  /**
   * What is known of an integer scalar or vector input while building, entry by entry (null
   * where unknown): TF's constant_value_as_shape, so `reshape(x, stack([shape(x)[0], -1]))`
   * infers as TF does. Equals `value`'s entries when that is known; null when nothing is.
   */
  readonly partial?: readonly (number | null)[] | null;
}

/**
 * What a kernel may ask of the Session running it. Ops stay free of Session types: state,
 * randomness and sub-graph execution are reached only through this interface.
 */
export interface KernelContext {
  readonly op: Operation;
  readonly backendName: string;
  /** The current value of a variable (by its VariableV2 op name); FailedPrecondition if unset. */
  readVariable(name: string): tfc.Tensor;
  /** Stages a new value for a variable; the Session commits it only if the whole run succeeds. */
  writeVariable(name: string, value: tfc.Tensor): void;
  isVariableInitialized(name: string): boolean;
  /** A fresh seed for this op's next random draw: deterministic given graph and op seeds. */
  nextSeed(): number;
  /**
   * Runs a sub-graph (a cond branch, a loop body) in the same run: same variable transaction,
   * same random streams. `inputs` stay owned by the caller; the outputs are the caller's.
   */
  runSubgraph(fn: SubgraphFunction, inputs: readonly tfc.Tensor[]): tfc.Tensor[];
  /**
   * Whether the running plan reads the op's `index`-th output (a fetch or a later step). Ops
   * with costly optional outputs (a cond's or loop's intermediates kept for gradients) skip
   * unread ones; absent means every output is read.
   */
  outputWanted?(index: number): boolean;
}

/**
 * A function body held in an op's attrs (TF's FuncGraph): its own Graph whose `inputs` are
 * Placeholders fed by the caller and whose `outputs` it returns.
 */
export interface SubgraphFunction {
  readonly name: string;
  readonly graph: Graph;
  readonly inputs: readonly Tensor[];
  readonly outputs: readonly Tensor[];
}

/** Ref inputs ('ref:ref') are not passed: a kernel finds its variable through `ctx.op`. */
export type Kernel<S extends AttrSchemas> = (ins: tfc.Tensor[], attrs: Attrs<S>, ctx: KernelContext) => tfc.Tensor[];

export interface GradContext<S extends AttrSchemas> {
  readonly op: Operation;
  readonly inputs: readonly Tensor[];
  readonly outputs: readonly Tensor[];
  readonly attrs: Attrs<S>;
  /**
   * The gradient driver itself, for rules that differentiate a sub-graph (cond branches, loop
   * bodies); handed in so op records need not import the driver (which imports the registry).
   */
  readonly gradients?: GradientsFn;
}

/** tf.gradients over explicit lists: d(sum ys * gradYs)/d(xs), null where none flows. */
export type GradientsFn = (
  ys: readonly Tensor[],
  xs: readonly Tensor[],
  gradYs: readonly Tensor[],
  options: { stopGradients?: readonly Tensor[]; name?: string },
) => (Tensor | null)[];

export type GradResult = Readonly<Record<string, Tensor | null | readonly (Tensor | null)[]>>;
/**
 * Builds the gradient of the op's inputs from its outputs' gradients (null: no gradient flows).
 * Declared through a method so records with specific attrs fit the registry's generic type.
 */
export type GradFn<S extends AttrSchemas> = {
  bivariant(ctx: GradContext<S>, dys: readonly (Tensor | null)[]): GradResult;
}['bivariant'];

/**
 * Input declarations: 'x' (dtype attr T), 'x:T2' (another type attr), 'x:int32' (fixed),
 * 'values*' (a list), 'ref:ref' (a variable reference, not read).
 */
export type InputDecl = string;

// Callbacks are method signatures (bivariant) so every OpRecord<S> is an OpRecord.
export interface OpRecord<S extends AttrSchemas = AttrSchemas> {
  readonly type: string;
  readonly inputs: readonly InputDecl[];
  readonly attrs: S;
  infer(ins: readonly InferInput[], attrs: Attrs<S>): OutputSpec[];
  kernel(ins: tfc.Tensor[], attrs: Attrs<S>, ctx: KernelContext): tfc.Tensor[];
  /** undefined: no rule yet (tf.gradients throws); 'none': not differentiable (no gradient). */
  readonly grad?: GradFn<S> | 'none';
  /**
   * Elementwise ops with numpy broadcasting: their grad returns the output-shaped gradient and
   * the gradient driver sums it back to each input's shape (once, for all such ops).
   */
  readonly broadcasts?: boolean;
  /**
   * The rule takes null for an output with no gradient instead of zeros (cond and loop ops,
   * whose many intermediate outputs mostly have none).
   */
  readonly nullGrads?: boolean;
  /** Stateful ops (variables, assignments, random) are never folded, merged or pruned as pure. */
  readonly stateful?: boolean;
  /** The output's value when it is known while building, for shape inference downstream. */
  constValue?(ins: readonly InferInput[], attrs: Attrs<S>): NDArray | null;
  /**
   * What is known of an integer scalar or vector output 0 while building, entry by entry (null
   * where unknown), e.g. Shape of a partly known shape; see InferInput.partial.
   */
  partialValue?(ins: readonly InferInput[], attrs: Attrs<S>): readonly (number | null)[] | null;
  /**
   * Which implementation the kernel picks for these attrs on a backend (e.g. 'tfjs conv2d' or
   * 'im2col matMul'), for `session.explain`; absent where the kernel has only one.
   */
  lowering?(attrs: Attrs<S>, backendName: string): string;
}

/** Declares an op type. The record is plain data; importing it has no side effects. */
export function defineOp<S extends AttrSchemas>(record: OpRecord<S>): OpRecord<S> {
  return Object.freeze(record);
}

export interface ParsedInputDecl {
  readonly name: string;
  readonly list: boolean;
  readonly ref: boolean;
  /** A type-attr name ('T') or a fixed dtype. */
  readonly typeGroup: string;
  readonly fixed: DType | null;
}

const FIXED: readonly string[] = ['float32', 'int32', 'bool', 'string', 'float64', 'int64'];

export function parseInputDecl(decl: InputDecl): ParsedInputDecl {
  const [rawName, group = 'T'] = decl.split(':') as [string, string?];
  const list = rawName.endsWith('*');
  const name = list ? rawName.slice(0, -1) : rawName;
  const ref = group === 'ref';
  return { name, list, ref, typeGroup: ref ? 'T' : group, fixed: FIXED.includes(group) ? (group as DType) : null };
}
