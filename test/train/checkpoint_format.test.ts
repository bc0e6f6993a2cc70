import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataLossError } from '../../src/errors.js';
import { NDArray } from '../../src/graph/ndarray.js';
import { dataFileName, indexFileName, readEntry, readIndex, writeBundle } from '../../src/train/checkpoint/bundle.js';
import { maskCrc, unmaskCrc } from '../../src/train/checkpoint/crc.js';
import { readTable, writeTable } from '../../src/train/checkpoint/sstable.js';

const FIX = join(import.meta.dirname, '../fixtures/checkpoint');
const prefix = join(FIX, 'tf_model.ckpt');
const tfIndex = new Uint8Array(readFileSync(indexFileName(prefix)));
const tfData = new Uint8Array(readFileSync(dataFileName(prefix)));
const expected = JSON.parse(readFileSync(join(FIX, 'tf_model.json'), 'utf8')) as { values: Record<string, unknown>; dtypes: Record<string, string> };

function flat(v: unknown): number[] {
  return Array.isArray(v) ? v.flatMap(flat) : [Number(v)];
}

describe('TF V2 checkpoint format', () => {
  it('reads every tensor of a checkpoint written by TensorFlow', () => {
    const { numShards, entries } = readIndex(tfIndex);
    expect(numShards).toBe(1);
    expect(entries.map((e) => e.name)).toEqual(['counts', 'dense/bias', 'dense/kernel', 'global_step', 'scalar']);
    for (const e of entries) {
      const a = readEntry(e, tfData);
      expect(a.dtype).toBe(expected.dtypes[e.name]);
      expect(Array.from(a.data as Float32Array)).toEqual(flat(expected.values[e.name]).map((x) => Math.fround(x)));
    }
    const kernel = entries.find((e) => e.name === 'dense/kernel')!;
    expect(kernel.shape).toEqual([2, 3]);
    expect(entries.find((e) => e.name === 'scalar')!.shape).toEqual([]);
  });

  it('writes index and data files byte-identical to TensorFlow for the same tensors', () => {
    const tensors = new Map<string, NDArray>();
    for (const e of readIndex(tfIndex).entries) tensors.set(e.name, readEntry(e, tfData));
    const ours = writeBundle(tensors);
    expect(Buffer.from(ours.data).equals(Buffer.from(tfData))).toBe(true);
    expect(Buffer.from(ours.index).equals(Buffer.from(tfIndex))).toBe(true);
  });

  it('detects a corrupted data file and a truncated or corrupted index', () => {
    const { entries } = readIndex(tfIndex);
    const bad = tfData.slice();
    bad[5]! ^= 0xff;
    const hit = entries.find((e) => e.offset <= 5 && 5 < e.offset + e.size)!;
    expect(() => readEntry(hit, bad)).toThrow(DataLossError);
    expect(() => readEntry(hit, bad)).toThrow(/checksum mismatch/);
    expect(() => readEntry(entries[entries.length - 1]!, tfData.subarray(0, tfData.length - 1))).toThrow(/truncated/);
    expect(() => readIndex(tfIndex.subarray(0, tfIndex.length - 3))).toThrow(DataLossError);
    const flipped = tfIndex.slice();
    flipped[3]! ^= 0x01;
    expect(() => readIndex(flipped)).toThrow(/checksum mismatch/);
  });

  it('round-trips a table across several blocks and restart intervals', () => {
    const enc = new TextEncoder();
    const rows: [Uint8Array, Uint8Array][] = Array.from({ length: 300 }, (_, i) => [enc.encode(`key/${String(i).padStart(4, '0')}`), new Uint8Array(2000).fill(i % 251)]);
    const back = readTable(writeTable(rows));
    expect(back.length).toBe(300);
    back.forEach(([k, v], i) => {
      expect(Buffer.from(k).equals(Buffer.from(rows[i]![0]))).toBe(true);
      expect(Buffer.from(v).equals(Buffer.from(rows[i]![1]))).toBe(true);
    });
  });

  it('masks crcs as LevelDB does', () => {
    for (const c of [0, 1, 0xe3069283, 0xffffffff]) expect(unmaskCrc(maskCrc(c))).toBe(c);
    expect(maskCrc(0)).toBe(0xa282ead8);
  });
});
