import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { countParams } from '../graph/scope_tree.js';
import { formatCount } from '../graph/summary.js';
import { inspectGraphDef, readGraphDefFile } from './load.js';
import { formatInspection, notes } from './text_report.js';
import { renderViewerPage } from './viewer/page.js';

/** Where the CLI writes; tests pass their own. */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export const USAGE = `Usage: tfgraph inspect FILE.pb|FILE.pbtxt [--depth N] [--html OUT.html]

Prints the GraphDef's ops grouped by name scope, with op types, output shapes and
parameter counts.

Options:
  --depth N       levels of name scopes to list (default 2); deeper scopes are one line each
  --html OUT.html also write a self-contained page to browse the graph (scopes expand on click)
  -h, --help      show this help
`;

const processIO: CliIO = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/**
 * The `tfgraph` command line: returns the exit status (0 ok, 1 failure, 2 bad usage).
 * @example await main(['inspect', 'graph.pb', '--html', 'graph.html'])
 */
export async function main(argv: readonly string[], io: CliIO = processIO): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        depth: { type: 'string' },
        html: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    io.stderr(`tfgraph: ${e instanceof Error ? e.message : String(e)}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(USAGE);
    return 0;
  }
  const [command, file, ...extra] = positionals;
  if (command !== 'inspect' || !file || extra.length > 0) {
    io.stderr(
      command && command !== 'inspect'
        ? `tfgraph: unknown command '${command}'\n\n${USAGE}`
        : USAGE,
    );
    return 2;
  }
  const depth = values.depth === undefined ? 2 : Number(values.depth);
  if (!Number.isInteger(depth) || depth < 1) {
    io.stderr(`tfgraph: --depth must be a positive integer, got '${values.depth}'\n`);
    return 2;
  }

  let inspected;
  try {
    inspected = inspectGraphDef(readGraphDefFile(file));
  } catch (e) {
    io.stderr(`tfgraph: cannot read ${file}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
  const title = basename(file);
  io.stdout(formatInspection(inspected, { depth, title }));
  if (values.html) {
    const params = countParams(inspected.ops).total;
    const subtitle = `${formatCount(inspected.ops.length)} ops · ${formatCount(params)} parameters${notes(inspected).length ? ' · some ops not imported (see the CLI output)' : ''}`;
    try {
      writeFileSync(values.html, renderViewerPage(inspected.ops, { title, subtitle }));
    } catch (e) {
      io.stderr(
        `tfgraph: cannot write ${values.html}: ${e instanceof Error ? e.message : String(e)}\n`,
      );
      return 1;
    }
    io.stdout(`Wrote ${values.html}\n`);
  }
  return 0;
}
