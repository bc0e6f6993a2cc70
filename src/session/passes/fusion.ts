import {
  deadCodeElimination,
  out,
  refKey,
  replaceNodes,
  rewire,
  soleReader,
  uses,
  type IrGraph,
  type IrNode,
  type IrRef,
  type Uses,
} from '../ir.js';
import {
  ACTIVATIONS,
  activationSupported,
  describeFused,
  fusedRecord,
  matMulBiasSupported,
  type AnchorType,
  type FusedSpec,
} from './fused_kernels.js';
import type { Pass, PassContext, PassResult } from './pass.js';
import { staticShapeOf } from './values.js';

const ANCHORS: ReadonlySet<string> = new Set<AnchorType>([
  'Conv2D',
  'DepthwiseConv2dNative',
  'MatMul',
]);

const spatialPair = (v: unknown): number[] =>
  Array.isArray(v) ? [Number(v[1]), Number(v[2])] : [];

/** What tfjs' fused kernels cannot take, known from the anchor's attrs alone. */
function anchorFusable(n: IrNode): boolean {
  if (
    n.attrs['T'] !== 'float32' ||
    n.outputs.length !== 1 ||
    n.inputs.some((r) => r.kind === 'var')
  )
    return false;
  if (n.type === 'MatMul') return true;
  if (n.attrs['data_format'] !== 'NHWC') return false;
  if (
    n.type === 'DepthwiseConv2dNative' &&
    n.attrs['padding'] !== 'SAME' &&
    n.attrs['padding'] !== 'VALID'
  )
    return false;
  const both =
    spatialPair(n.attrs['strides']).some((s) => s > 1) &&
    spatialPair(n.attrs['dilations']).some((d) => d > 1);
  return !both;
}

/** The bias a reader of `y` adds: a BiasAdd (channels last), or an Add of a vector as long as y's channels. */
function biasOf(
  r: IrNode,
  y: IrRef,
  byKey: ReadonlyMap<string, IrNode>,
): { ref: IrRef; biasFirst: boolean } | null {
  if (r.attrs['T'] !== 'float32' || r.outputs.length !== 1) return null;
  const k = refKey(y);
  if (r.type === 'BiasAdd') {
    if (
      r.attrs['data_format'] !== 'NHWC' ||
      refKey(r.inputs[0]!) !== k ||
      r.inputs[1]!.kind === 'var'
    )
      return null;
    return { ref: r.inputs[1]!, biasFirst: false };
  }
  if (r.type !== 'Add') return null;
  const i = r.inputs.findIndex((x) => refKey(x) === k);
  const c = r.inputs[1 - i];
  if (i < 0 || !c || c.kind === 'var') return null;
  const ys = staticShapeOf(y, byKey);
  const cs = staticShapeOf(c, byKey);
  const channels = ys.dims?.[ys.dims.length - 1] ?? null;
  if (cs.rank !== 1 || channels === null || cs.dims![0] !== channels) return null;
  // Broadcasting must not grow y: the sum has y's shape.
  if (r.outputs[0]!.shape.toString() !== ys.toString()) return null;
  return { ref: c, biasFirst: i === 1 };
}

/**
 * Fusion into tfjs' fused kernels: Conv2D / DepthwiseConv2dNative / MatMul, then a bias
 * (BiasAdd, or Add of a channel vector), then an activation (Relu, Relu6, Elu, LeakyRelu,
 * Sigmoid, as far as the backend's fused kernels apply it) become one node. Legal only where
 * each intermediate value has exactly one reader in the plan (the next op of the chain) and is
 * not fetched, so no gradient op needs it (ReluGrad reads the Relu's output, which the fused
 * node produces; BiasAddGrad reads dy). Static conditions follow tfjs' kernels (NHWC, float32,
 * strides or dilations 1); at run time the node uses the fused kernel only where the tensors
 * allow it (no grouped filters, no empty tensors) and otherwise runs the ops' own kernels.
 */
export const fusion: Pass = {
  name: 'fusion',
  description: "fusion into tfjs' fused kernels (conv / depthwise / matmul + bias + activation)",
  run(g: IrGraph, ctx: PassContext): PassResult {
    const u: Uses = uses(g);
    const byKey = new Map(g.nodes.map((n) => [n.key, n]));
    const targets = new Set(g.targets);
    const replacements = new Map<string, IrNode>();
    const controls = new Map<string, readonly string[]>();
    const rewrites: string[] = [];
    for (const anchor of g.nodes) {
      if (!ANCHORS.has(anchor.type) || !anchorFusable(anchor)) continue;
      const chain: IrNode[] = [anchor];
      let spec: FusedSpec = {
        anchor: { type: anchor.type as AnchorType, record: anchor.record, attrs: anchor.attrs },
        bias: null,
        activation: null,
      };
      let biasRef: IrRef | null = null;
      const last = (): IrNode => chain[chain.length - 1]!;
      const reader = (): IrNode | null =>
        targets.has(last().key) ? null : soleReader(u, out(last().key));
      let r = reader();
      const b = r ? biasOf(r, out(last().key), byKey) : null;
      const biasOk =
        anchor.type !== 'MatMul' ||
        matMulBiasSupported(
          ctx.backendName,
          anchor.attrs['transpose_a'] === true,
          anchor.attrs['transpose_b'] === true,
        );
      if (r && b && biasOk) {
        chain.push(r);
        biasRef = b.ref;
        spec = {
          ...spec,
          bias: { type: r.type, record: r.record, attrs: r.attrs, biasFirst: b.biasFirst },
        };
        r = reader();
      }
      const act = r ? ACTIVATIONS[r.type] : undefined;
      if (
        r &&
        act &&
        r.attrs['T'] === 'float32' &&
        activationSupported(ctx.backendName, act) &&
        refKey(r.inputs[0]!) === refKey(out(last().key))
      ) {
        chain.push(r);
        spec = {
          ...spec,
          activation: { type: r.type, record: r.record, attrs: r.attrs, name: act },
        };
      }
      if (chain.length === 1) continue;
      const end = last();
      const keys = new Set(chain.map((n) => n.key));
      const control = [...new Set(chain.flatMap((n) => n.control))].filter((k) => !keys.has(k));
      replacements.set(end.key, {
        key: end.key,
        type: `_Fused${anchor.type}`,
        record: fusedRecord(spec),
        attrs: {},
        op: end.op,
        order: end.order,
        inputs: [anchor.inputs[0]!, anchor.inputs[1]!, ...(biasRef ? [biasRef] : [])],
        control,
        outputs: end.outputs,
        ops: chain.map((n) => n.key),
        note: describeFused(spec),
      });
      chain.slice(0, -1).forEach((n) => controls.set(n.key, [end.key]));
      rewrites.push(
        `fused ${chain.map((n) => `${n.type} '${n.key}'`).join(' + ')} -> _Fused${anchor.type}: ${describeFused(spec)}`,
      );
    }
    if (rewrites.length === 0) return { graph: g, rewrites };
    return {
      graph: deadCodeElimination(rewire(replaceNodes(g, replacements), new Map(), controls)),
      rewrites,
    };
  },
};
