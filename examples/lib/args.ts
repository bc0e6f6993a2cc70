import { parseArgs } from 'node:util';

export interface ExampleArgs {
  epochs: number;
  batchSize: number;
  backend: string | undefined;
  out: string;
  limit: number | undefined;
  quiet: boolean;
}

/** Flags shared by the examples: --epochs, --batch-size, --backend, --out, --limit, --quiet. */
export function exampleArgs(defaults: { epochs: number; batchSize: number; out: string }): ExampleArgs {
  const { values } = parseArgs({
    options: {
      epochs: { type: 'string' },
      'batch-size': { type: 'string' },
      backend: { type: 'string' },
      out: { type: 'string' },
      limit: { type: 'string' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log('flags: --epochs N  --batch-size N  --backend cpu|wasm  --out DIR  --limit N (training digits)  --quiet');
    process.exit(0);
  }
  const int = (s: string | undefined, d: number, what: string): number => {
    if (s === undefined) return d;
    const n = Number(s);
    if (!Number.isInteger(n) || n <= 0) throw new Error(`--${what} must be a positive integer, got ${s}`);
    return n;
  };
  return {
    epochs: int(values.epochs, defaults.epochs, 'epochs'),
    batchSize: int(values['batch-size'], defaults.batchSize, 'batch-size'),
    backend: values.backend,
    out: values.out ?? defaults.out,
    limit: values.limit === undefined ? undefined : int(values.limit, 0, 'limit'),
    quiet: values.quiet ?? false,
  };
}
