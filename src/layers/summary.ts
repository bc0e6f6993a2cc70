import type { Dim } from '../graph/shape.js';
import type { Variable } from '../variables/variable.js';

/** What formatSummary needs of a layer (kept structural so summary.ts does not import base.ts). */
export interface SummarizedLayer {
  readonly name: string;
  readonly outputShape: Dim[] | null;
  readonly trainableWeights: Variable[];
  readonly nonTrainableWeights: Variable[];
  countParams(): number;
}

export interface SummaryOptions {
  /** Total width of the table (Keras' default 65). */
  lineLength?: number;
  /** Right edges of the columns as fractions of the width (Keras' [0.45, 0.85, 1]). */
  positions?: readonly number[];
  /** Where the lines go (default console.log); the table is also returned. */
  printFn?: ((line: string) => void) | null;
  /** A first line above the table. */
  title?: string;
}

function shapeText(layer: SummarizedLayer): string {
  let shape: Dim[] | null;
  try {
    shape = layer.outputShape;
  } catch {
    // Never called, or called with different output shapes: Keras prints 'multiple'.
    return 'multiple';
  }
  if (shape === null) return '<unknown>';
  const parts = shape.map((d) => (d === null ? 'None' : String(d)));
  return parts.length === 1 ? `(${parts[0]},)` : `(${parts.join(', ')})`;
}

function row(fields: readonly string[], edges: readonly number[]): string {
  let line = '';
  fields.forEach((f, i) => {
    const edge = edges[i]!;
    line = `${line}${f}`.slice(0, edge);
    line += ' '.repeat(Math.max(0, edge - line.length));
  });
  return line;
}

function countUnique(vars: readonly Variable[]): number {
  return [...new Set(vars)].reduce((n, v) => n + (v.shape.size ?? 0), 0);
}

/**
 * Keras' print_summary for a sequence of layers: one row per layer (name and class, output
 * shape, parameter count), then total, trainable and non-trainable counts over the distinct
 * variables (a variable shared through reuse counts once).
 */
export function formatSummary(
  layers: readonly SummarizedLayer[],
  options: SummaryOptions = {},
): string {
  const width = options.lineLength ?? 65;
  const positions = options.positions ?? [0.45, 0.85, 1];
  const edges = positions.map((p) => (p <= 1 ? Math.floor(width * p) : Math.floor(p)));
  const lines: string[] = [];
  if (options.title) lines.push(options.title);
  lines.push('_'.repeat(width));
  lines.push(row(['Layer (type)', 'Output Shape', 'Param #'], edges));
  lines.push('='.repeat(width));
  layers.forEach((layer, i) => {
    const kind = layer.constructor.name;
    lines.push(
      row([`${layer.name} (${kind})`, shapeText(layer), String(layer.countParams())], edges),
    );
    lines.push((i === layers.length - 1 ? '=' : '_').repeat(width));
  });
  if (layers.length === 0) lines.push('='.repeat(width));
  const trainable = countUnique(layers.flatMap((l) => l.trainableWeights));
  const nonTrainable = countUnique(layers.flatMap((l) => l.nonTrainableWeights));
  lines.push(`Total params: ${(trainable + nonTrainable).toLocaleString('en-US')}`);
  lines.push(`Trainable params: ${trainable.toLocaleString('en-US')}`);
  lines.push(`Non-trainable params: ${nonTrainable.toLocaleString('en-US')}`);
  lines.push('_'.repeat(width));
  const text = lines.join('\n');
  const print = options.printFn === undefined ? (s: string) => console.log(s) : options.printFn;
  if (print) for (const l of lines) print(l);
  return text;
}
