import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../examples/autoencoder.js';

describe('the README example (conv autoencoder on real digits)', () => {
  it('trains: a short run lowers the test loss by at least 1.5x, saves, restores the same loss, writes a PNG', async () => {
    const out = mkdtempSync(join(tmpdir(), 'tfgraph-ae-'));
    const r = await main({ epochs: 1, batchSize: 32, backend: undefined, out, limit: 960, quiet: true });
    // 30 Adam steps take the reconstruction error of random filters (~0.23) well down.
    expect(r.finalLoss).toBeLessThan(r.initialLoss / 1.5);
    expect(r.restoredLoss).toBeCloseTo(r.finalLoss, 6);
    expect(existsSync(`${r.checkpoint}.index`)).toBe(true);
    const png = readFileSync(r.png);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(readFileSync(join(out, 'ckpt', 'checkpoint'), 'utf8')).toContain('model-30');
  }, 300_000);
});
