import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as tf from '../../src/index.js';
import { main, USAGE } from '../../src/cli/cli.js';
import { denseGraph } from './small_graphs.js';

const dir = mkdtempSync(join(tmpdir(), 'tfgraph-cli-'));
const FIXTURES = join(import.meta.dirname, '../fixtures/cli');

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
}

const DENSE_REPORT = `dense.pb: 25 ops, 3 variables, 16 parameters

Name             Type         Output shape  Params
x                Placeholder  (?, 4)
dense1/          17 ops       (?, 3)            15
  kernel/        10 ops       (4, 3)            12
  bias/          4 ops        (3,)               3
  MatMul         MatMul       (?, 3)
  Add            Add          (?, 3)
  Relu           Relu         (?, 3)
step/            4 ops        ()                 1
  initial_value  Const        ()
  step           VariableV2   ()                 1
  Assign         Assign       ()
  read           Identity     ()
loss/            3 ops        ()
  Square         Square       (?, 3)
  Const          Const        (2,)
  Mean           Mean         ()

Total params: 16 (a GraphDef does not record which variables are trainable)
`;

describe('tfgraph inspect (text)', () => {
  it('prints a binary GraphDef grouped by name scope, with types, shapes and parameters', async () => {
    const path = tf.train.writeGraph(denseGraph(), dir, 'dense.pb', false);
    const r = await run('inspect', path);
    expect(r).toEqual({ code: 0, out: DENSE_REPORT, err: '' });
  });

  it('reads the text format (.pbtxt) to the same report', async () => {
    const path = tf.train.writeGraph(denseGraph(), dir, 'dense.pbtxt');
    const r = await run('inspect', path);
    expect(r.code).toBe(0);
    expect(r.out).toBe(DENSE_REPORT.replace('dense.pb:', 'dense.pbtxt:'));
  });

  it('--depth 1 lists top-level entries only; --depth 3 opens the next level', async () => {
    const path = join(dir, 'dense.pb');
    const one = await run('inspect', path, '--depth', '1');
    expect(one.out.split('\n').slice(2, 7)).toEqual([
      'Name     Type         Output shape  Params',
      'x        Placeholder  (?, 4)',
      'dense1/  17 ops       (?, 3)            15',
      'step/    4 ops        ()                 1',
      'loss/    3 ops        ()',
    ]);
    const three = await run('inspect', path, '--depth=3');
    expect(three.out).toContain(
      '\n    Initializer/  7 ops        (4, 3)\n    kernel        VariableV2   (4, 3)            12\n',
    );
    expect(three.out).toContain('\n    Initializer/  1 op         (3,)\n');
  });

  it("degrades on op types tfgraph lacks: imports the rest, keeps TF's _output_shapes for the others", async () => {
    // Written by real TF (make_fixtures.py): LRN is unknown to tfgraph; add_shapes=True.
    const r = await run('inspect', join(FIXTURES, 'lrn_net.pb'), '--depth', '3');
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('lrn_net.pb: 32 ops, 3 variables, 624 parameters');
    const row = (name: string): string[] =>
      lines
        .find((l) => l.trim().startsWith(`${name} `))!
        .trim()
        .split(/\s{2,}/);
    expect(row('conv1/')).toEqual(['conv1/', '17 ops', '(?, 8, 8, 4)', '112']);
    expect(row('LRN')).toEqual(['LRN', 'LRN', '(?, 8, 8, 4)']);
    expect(row('logits')).toEqual(['logits', 'MatMul', '(?, 2)']);
    expect(row('head/')).toEqual(['head/', '13 ops', '(?, 2)', '512']);
    expect(r.out).toMatch(/Op types tfgraph does not know: .*LRN \(norm\/LRN\)\./);
    expect(r.out).toMatch(
      /\d+ of 32 ops are shown from their NodeDefs: shapes only where the file records _output_shapes\./,
    );
  });

  it('counts resource variables (VarHandleOp) from their shape attr even without importing them', async () => {
    const r = await run('inspect', join(FIXTURES, 'lrn_net_resource.pbtxt'));
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toBe(
      'lrn_net_resource.pbtxt: 38 ops, 3 variables, 624 parameters',
    );
    // No _output_shapes in this file, and nothing imported downstream of a resource variable.
    expect(r.out).toMatch(/\n {2}kernel\/\s+11 ops\s+<unknown>\s+108\n/);
    expect(r.out).toMatch(/\nhead\/\s+15 ops\s+<unknown>\s+512\n/);
    expect(r.out).toMatch(/\nx\s+Placeholder\s+\(\?, 8, 8, 3\)\n/);
    expect(r.out).toMatch(/Op types tfgraph does not know: .*VarHandleOp \(3 nodes\)/);
  });

  it('says why and exits 1 on a missing or unreadable file', async () => {
    const missing = await run('inspect', join(dir, 'nope.pb'));
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/^tfgraph: cannot read .*nope\.pb: ENOENT/);
    const junk = join(dir, 'junk.pbtxt');
    writeFileSync(junk, 'node { name: "a" op: }');
    const bad = await run('inspect', junk);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/cannot read .*junk\.pbtxt: pbtxt: unexpected '}' as the value of op/);
  });

  it('prints usage: --help exits 0; a bad command, missing file argument or bad --depth exit 2', async () => {
    expect(await run('--help')).toEqual({ code: 0, out: USAGE, err: '' });
    const unknown = await run('show', 'x.pb');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toBe(`tfgraph: unknown command 'show'\n\n${USAGE}`);
    expect((await run('inspect')).code).toBe(2);
    const depth = await run('inspect', 'x.pb', '--depth', '0');
    expect(depth).toEqual({
      code: 2,
      out: '',
      err: "tfgraph: --depth must be a positive integer, got '0'\n",
    });
    const option = await run('inspect', 'x.pb', '--colour');
    expect(option.code).toBe(2);
    expect(option.err).toMatch(/^tfgraph: Unknown option '--colour'/);
  });

  it('--html writes one self-contained page: the graph data inline, elkjs inline, nothing fetched', async () => {
    const out = join(dir, 'dense.html');
    const r = await run('inspect', join(dir, 'dense.pb'), '--html', out);
    expect(r.code).toBe(0);
    expect(r.out.endsWith(`Wrote ${out}\n`)).toBe(true);
    const html = readFileSync(out, 'utf8');
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=/i);
    expect(/<style>(.*?)<\/style>/s.exec(html)![1]).not.toMatch(/@import|url\(/);
    const data = JSON.parse(
      /<script id="graph-data" type="application\/json">(.*?)<\/script>/s.exec(html)![1]!,
    ) as {
      ops: {
        name: string;
        type: string;
        inputs: [number, number][];
        shapes: string[];
        params: number;
      }[];
    };
    expect(data.ops).toHaveLength(25);
    const names = data.ops.map((o) => o.name);
    const matmul = data.ops.find((o) => o.name === 'dense1/MatMul')!;
    expect(matmul.inputs.map(([i, k]) => [names[i], k])).toEqual([
      ['x', 0],
      ['dense1/kernel/read', 0],
    ]);
    expect(matmul.shapes).toEqual(['?×3']);
    expect(data.ops.find((o) => o.name === 'dense1/kernel')!.params).toBe(12);
    expect(html).toContain('ELK'); // the layout library's bundle
  });
});
