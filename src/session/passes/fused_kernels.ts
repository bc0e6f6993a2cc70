import * as tfc from '@tensorflow/tfjs-core';
import type { AttrMap } from '../../graph/operation.js';
import type { InferInput, KernelContext, OpRecord } from '../../ops/core/define.js';
import { defineOp } from '../../ops/core/define.js';
import { checkAtRuntime, concrete, padsFor } from '../../ops/nn/conv_kernels.js';
import { convForwardShape, convGeometry, type ConvAttrLike } from '../../ops/nn/conv_shape.js';

/** tfjs' names of the activations its fused kernels apply. */
export type FusedActivation = 'relu' | 'relu6' | 'elu' | 'leakyrelu' | 'sigmoid';

/** The graph op type of each activation the fused kernels can apply. */
export const ACTIVATIONS: Readonly<Record<string, FusedActivation>> = {
  Relu: 'relu',
  Relu6: 'relu6',
  Elu: 'elu',
  LeakyRelu: 'leakyrelu',
  Sigmoid: 'sigmoid',
};

/**
 * The activations each backend's fused Conv2D / DepthwiseConv2D / MatMul kernels implement
 * (tfjs 4.22: cpu's applyActivation, wasm's FusableActivation, webgl's shader table). A backend
 * not listed fuses bias only.
 */
const BACKEND_ACTIVATIONS: Readonly<Record<string, readonly FusedActivation[]>> = {
  cpu: ['relu', 'relu6', 'elu', 'leakyrelu', 'sigmoid'],
  wasm: ['relu', 'relu6', 'elu', 'leakyrelu', 'sigmoid'],
  webgl: ['relu', 'relu6', 'elu', 'leakyrelu', 'sigmoid'],
};

export function activationSupported(backend: string, a: FusedActivation): boolean {
  return BACKEND_ACTIVATIONS[backend]?.includes(a) ?? false;
}

/**
 * Backends whose fused MatMul adds its bias right when an operand is transposed. tfjs 4.22's
 * wasm kernel gets the bias wrong then (measured: off by up to 1.6 on a 3x5x4 product, for
 * every transpose combination but none); webgl is unverified here, so left out.
 */
const BIAS_WITH_TRANSPOSE: ReadonlySet<string> = new Set(['cpu']);

export function matMulBiasSupported(
  backend: string,
  transposeA: boolean,
  transposeB: boolean,
): boolean {
  return (!transposeA && !transposeB) || BIAS_WITH_TRANSPOSE.has(backend);
}

export type AnchorType = 'Conv2D' | 'DepthwiseConv2dNative' | 'MatMul';

/** One op of a fused chain, with what its kernel needs to run it on its own. */
export interface ChainOp {
  readonly type: string;
  readonly record: OpRecord;
  readonly attrs: AttrMap;
}

export interface FusedSpec {
  readonly anchor: ChainOp & { readonly type: AnchorType };
  /** The bias op (BiasAdd, or an Add of a vector); `biasFirst` when the Add reads it first. */
  readonly bias: (ChainOp & { readonly biasFirst: boolean }) | null;
  readonly activation: (ChainOp & { readonly name: FusedActivation }) | null;
}

const TFJS_OP: Readonly<Record<AnchorType, string>> = {
  Conv2D: 'fused.conv2d',
  DepthwiseConv2dNative: 'fused.depthwiseConv2d',
  MatMul: 'fused.matMul',
};

type Pair = [number, number];

const ints = (v: unknown): number[] => (Array.isArray(v) ? v.map(Number) : []);

/** The convolution attrs of a Conv2D / DepthwiseConv2dNative op (canonical, so all present). */
function convAttrs(a: AttrMap): ConvAttrLike {
  return {
    strides: ints(a['strides']),
    dilations: ints(a['dilations']),
    padding: String(a['padding']),
    data_format: String(a['data_format']),
    explicit_paddings: ints(a['explicit_paddings']),
  };
}

const pairOf = (a: readonly number[]): Pair => [a[1]!, a[2]!];

/**
 * The anchor through tfjs' fused kernel, or null where that kernel cannot do what the op's own
 * kernel does (NCHW, grouped filters, strides with dilations, empty tensors, non-float): then
 * the chain runs op by op, through the very kernels the unfused plan would use.
 */
function tryFused(
  spec: FusedSpec,
  x: tfc.Tensor,
  w: tfc.Tensor,
  bias: tfc.Tensor | undefined,
): tfc.Tensor | null {
  if (x.dtype !== 'float32' || w.dtype !== 'float32' || x.size === 0 || w.size === 0) return null;
  const outChannels = (): number => {
    if (spec.anchor.type === 'MatMul') return w.shape[spec.anchor.attrs['transpose_b'] ? 0 : 1]!;
    if (spec.anchor.type === 'Conv2D') return w.shape[3]!;
    return w.shape[2]! * w.shape[3]!;
  };
  if (bias && (bias.dtype !== 'float32' || bias.rank !== 1 || bias.shape[0] !== outChannels()))
    return null;
  const act = spec.activation;
  const common = {
    bias,
    activation: act?.name ?? 'linear',
    ...(act?.name === 'leakyrelu' ? { leakyreluAlpha: Number(act.attrs['alpha']) } : {}),
  } as const;
  if (spec.anchor.type === 'MatMul') {
    if (x.rank !== 2 || w.rank !== 2) return null;
    return tfc.fused.matMul({
      a: x,
      b: w,
      transposeA: spec.anchor.attrs['transpose_a'] === true,
      transposeB: spec.anchor.attrs['transpose_b'] === true,
      ...common,
    });
  }
  const a = convAttrs(spec.anchor.attrs);
  if (x.rank !== 4 || w.rank !== 4 || a.data_format !== 'NHWC') return null;
  const strides = pairOf(a.strides);
  const dilations = pairOf(a.dilations);
  if (strides.some((s) => s > 1) && dilations.some((d) => d > 1)) return null;
  if (spec.anchor.type === 'DepthwiseConv2dNative') {
    if (x.shape[3] !== w.shape[2] || (a.padding !== 'SAME' && a.padding !== 'VALID')) return null;
    const pad = a.padding === 'SAME' ? 'same' : 'valid';
    return tfc.fused.depthwiseConv2d({
      x: x as tfc.Tensor4D,
      filter: w as tfc.Tensor4D,
      strides,
      pad,
      dataFormat: 'NHWC',
      dilations,
      ...common,
    });
  }
  // Conv2D: grouped filters (input depth a multiple of the filter's) stay with the op's kernel.
  if (x.shape[3] !== w.shape[2]) return null;
  checkAtRuntime(() => convForwardShape('Conv2D', concrete(x), concrete(w), a));
  const g = convGeometry('Conv2D', a);
  const pads = padsFor(g, [x.shape[1]!, x.shape[2]!], [w.shape[0]!, w.shape[1]!]);
  const pad = pads.every(([p, q]) => p === 0 && q === 0)
    ? 'valid'
    : ([[0, 0], pads[0]!, pads[1]!, [0, 0]] as [Pair, Pair, Pair, Pair]);
  return tfc.fused.conv2d({
    x: x as tfc.Tensor4D,
    filter: w as tfc.Tensor4D,
    strides,
    pad,
    dataFormat: 'NHWC',
    dilations,
    ...common,
  });
}

/** Runs the chain op by op with each op's own kernel (the unfused plan's computation). */
function runChain(
  spec: FusedSpec,
  x: tfc.Tensor,
  w: tfc.Tensor,
  bias: tfc.Tensor | undefined,
  ctx: KernelContext,
): tfc.Tensor {
  let y = spec.anchor.record.kernel([x, w], spec.anchor.attrs, ctx)[0]!;
  if (spec.bias && bias)
    y = spec.bias.record.kernel(
      spec.bias.biasFirst ? [bias, y] : [y, bias],
      spec.bias.attrs,
      ctx,
    )[0]!;
  if (spec.activation) y = spec.activation.record.kernel([y], spec.activation.attrs, ctx)[0]!;
  return y;
}

/** What explain reports of a fused node. */
export function describeFused(spec: FusedSpec): string {
  const parts = [spec.bias ? 'bias' : null, spec.activation ? spec.activation.name : null].filter(
    (p) => p !== null,
  );
  return `tfjs ${TFJS_OP[spec.anchor.type]} (${parts.join(', ')})`;
}

/**
 * The record of a fused node: inputs [x, w, bias?]; infers by chaining the ops' own inference;
 * runs tfjs' fused kernel where it applies to the actual tensors, else the ops one by one.
 */
export function fusedRecord(spec: FusedSpec): OpRecord {
  const hasBias = spec.bias !== null;
  return defineOp({
    type: `_Fused${spec.anchor.type}`,
    inputs: hasBias ? ['x', 'w', 'bias'] : ['x', 'w'],
    attrs: {},
    infer: (ins: readonly InferInput[]) => {
      let outs = spec.anchor.record.infer([ins[0]!, ins[1]!], spec.anchor.attrs);
      const asInput = (): InferInput => ({
        dtype: outs[0]!.dtype,
        shape: outs[0]!.shape,
        value: null,
      });
      if (spec.bias)
        outs = spec.bias.record.infer(
          spec.bias.biasFirst ? [ins[2]!, asInput()] : [asInput(), ins[2]!],
          spec.bias.attrs,
        );
      if (spec.activation) outs = spec.activation.record.infer([asInput()], spec.activation.attrs);
      return outs;
    },
    kernel: (ins, _attrs, ctx) => {
      const [x, w, bias] = ins;
      return [tryFused(spec, x!, w!, bias) ?? runChain(spec, x!, w!, bias, ctx)];
    },
    grad: 'none',
    lowering: () => `${describeFused(spec)}; op by op where the tensors rule tfjs' kernel out`,
  });
}
