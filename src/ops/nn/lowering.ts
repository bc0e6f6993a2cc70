/**
 * Per-backend lowering: which implementation an op's kernel uses on each tfjs backend, and the
 * measurement that chose it. This is the one place such choices live; kernels and
 * `OpRecord.lowering` (shown by session.explain) both read it. `npm run bench` re-measures the
 * alternatives (bench/lowering.ts, "Lowering alternatives" in bench/RESULTS.md): re-check this
 * table after a tfjs upgrade.
 *
 * Implementations of a convolution's input gradient (a transposed convolution):
 * - 'native': tfjs' own Conv2DBackpropInput / Conv3DBackpropInputV2 kernel;
 * - 'zero-insertion': dy spread by the strides (zeros between rows), then one stride-1 conv;
 * - 'sub-pixel': stride_h * stride_w small stride-1 convs on the phases of the filter,
 *   interleaved (conv_subpixel.ts); 2-D, dilation 1 only.
 * Of a convolution's filter gradient:
 * - 'conv': the input (batch and depth swapped) convolved with dy as the filter;
 * - 'native': tfjs' own Conv2DBackpropFilter / Conv3DBackpropFilterV2 (no dilations, SAME or
 *   VALID, ungrouped).
 */

export type InputGradImpl = 'native' | 'zero-insertion' | 'sub-pixel';
export type FilterGradImpl = 'conv' | 'native';

export interface LoweringChoice<I extends string> {
  readonly impl: I;
  /** The measurement (or fact) that justified the choice. */
  readonly why: string;
}

type PerBackend<I extends string> = Readonly<Record<string, LoweringChoice<I>>> & {
  /** Used for a backend the table does not name (e.g. tfjs-node's 'tensorflow'). */
  readonly default: LoweringChoice<I>;
};

// Measured by bench/lowering.ts on W1's layer (dy [32,14,14,64] -> dx [32,28,28,32], 5x5 filter,
// stride 2, SAME; the filter gradient of the matching conv), medians, tfjs 4.22, Node 20, 2-core
// AMD EPYC, 2026-11-21, load average 0.0-1.2 (bench/RESULTS.md). The 3-D rows (dy [4,8,8,8,16] ->
// dx [4,16,16,16,8], 3x3x3, stride 2) were taken on the same machine under heavy load (~14):
// their ratios, not their times, carry over.
const W1_LAYER = 'W1 conv2dTranspose [32,14,14,64] -> [32,28,28,32], 5x5 s2 SAME';

const INPUT_GRAD_2D: PerBackend<InputGradImpl> = {
  cpu: {
    impl: 'native',
    why: `${W1_LAYER} on cpu: native 573 ms, sub-pixel 955 ms, zero-insertion 3912 ms (issue 6: native 329 ms, fastest)`,
  },
  wasm: {
    impl: 'sub-pixel',
    why: `${W1_LAYER} on wasm: sub-pixel 27 ms, zero-insertion 92 ms, native 249 ms (a scalar loop; issue 6: 25 / 66 / 163 ms)`,
  },
  webgl: {
    impl: 'native',
    why: 'not measured here (browser-only); issue 6 names native for webgl: one shader pass, no intermediate tensors',
  },
  default: {
    impl: 'native',
    why: "unmeasured backend (e.g. tfjs-node's TF kernels): its own kernel",
  },
};

const INPUT_GRAD_3D: PerBackend<InputGradImpl> = {
  cpu: {
    impl: 'native',
    why: '3-D case on cpu (loaded machine): native 80 ms, zero-insertion 698 ms',
  },
  wasm: {
    impl: 'zero-insertion',
    why: "tfjs 4.22's wasm Conv3DBackpropInputV2 returns wrong values (3-D case: sum|dx| 39540 vs 699104 on cpu), so not native; wasm has no fast conv3d to decompose into (zero-insertion 873 ms, loaded machine)",
  },
  webgl: { impl: 'native', why: 'not measured here (browser-only): its own kernel' },
  default: { impl: 'native', why: 'unmeasured backend: its own kernel' },
};

const FILTER_GRAD_2D: PerBackend<FilterGradImpl> = {
  cpu: {
    impl: 'conv',
    why: "W1's conv2 filter gradient (x [32,28,28,32], dy [32,14,14,64]) on cpu: conv 1061 ms, native 53292 ms (one call; a scalar loop)",
  },
  wasm: {
    impl: 'conv',
    why: "wasm has no Conv2DBackpropFilter kernel; as a conv: 68 ms for W1's conv2 filter gradient",
  },
  webgl: {
    impl: 'conv',
    why: 'not measured here (browser-only); a conv is one fused shader pass',
  },
  default: {
    impl: 'conv',
    why: 'works on every backend (no tfjs backprop kernel takes dilations)',
  },
};

const FILTER_GRAD_3D: PerBackend<FilterGradImpl> = {
  cpu: {
    impl: 'native',
    why: '3-D case on cpu (loaded machine): native 115 ms, conv 180 ms',
  },
  wasm: {
    impl: 'conv',
    why: "tfjs 4.22's wasm Conv3DBackpropFilterV2 returns wrong values (3-D case: sum|dw| 101681 vs 117218 on cpu); conv 140 ms (loaded machine)",
  },
  webgl: { impl: 'conv', why: 'not measured here (browser-only)' },
  default: { impl: 'conv', why: 'works on every backend' },
};

/** THE table: op type -> backend -> chosen implementation and its justification. */
export const LOWERING = {
  Conv2DBackpropInput: INPUT_GRAD_2D,
  Conv3DBackpropInputV2: INPUT_GRAD_3D,
  Conv2DBackpropFilter: FILTER_GRAD_2D,
  Conv3DBackpropFilterV2: FILTER_GRAD_3D,
} as const;

export type LoweredOp = keyof typeof LOWERING;

function choice<I extends string>(table: PerBackend<I>, backendName: string): LoweringChoice<I> {
  return table[backendName] ?? table.default;
}

/** What attrs say about where each implementation applies. */
export interface LoweringAttrs {
  readonly dilations: readonly number[];
  readonly padding: string;
}

/**
 * The input-gradient implementation for this op on this backend: the table's choice, or
 * zero-insertion (which covers every case) where the choice does not apply to these attrs.
 * Grouped filters (known only at run time) also leave 'native' for zero-insertion.
 */
export function inputGradLowering(
  opType: 'Conv2DBackpropInput' | 'Conv3DBackpropInputV2',
  backendName: string,
  a: LoweringAttrs,
): InputGradImpl {
  const impl = choice(LOWERING[opType], backendName).impl;
  const dilated = a.dilations.some((d) => d !== 1);
  if (impl === 'sub-pixel' && (dilated || opType !== 'Conv2DBackpropInput'))
    return 'zero-insertion';
  // tfjs' stock kernels take no dilations, and its 3-D one no explicit padding.
  if (
    impl === 'native' &&
    (dilated || (opType !== 'Conv2DBackpropInput' && a.padding === 'EXPLICIT'))
  )
    return 'zero-insertion';
  return impl;
}

/** The filter-gradient implementation: the table's choice, or 'conv' where native does not apply. */
export function filterGradLowering(
  opType: 'Conv2DBackpropFilter' | 'Conv3DBackpropFilterV2',
  backendName: string,
  a: LoweringAttrs,
): FilterGradImpl {
  const impl = choice(LOWERING[opType], backendName).impl;
  if (impl === 'native' && (a.dilations.some((d) => d !== 1) || a.padding === 'EXPLICIT'))
    return 'conv';
  return impl;
}

/** The table's entry, for explain output and the bench report. */
export function loweringChoice(op: LoweredOp, backendName: string): LoweringChoice<string> {
  return choice<string>(LOWERING[op], backendName);
}
