import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as tf from '../../src/index.js';
import { readTfRecords, tfRecord } from '../../src/io/tfrecord.js';
import { histogramOf } from '../../src/ops/summary/histogram.js';
import { protoType } from '../../src/proto/tf_protos.js';

afterEach(() => tf.resetDefaultGraph());

const Event = protoType('Event');
const Summary = protoType('Summary');

function events(dir: string): Record<string, unknown>[] {
  const files = readdirSync(dir).filter((f) => f.startsWith('events.out.tfevents.'));
  expect(files.length).toBe(1);
  return readTfRecords(new Uint8Array(readFileSync(join(dir, files[0]!)))).map((r) => Event.toObject(Event.decode(r), { longs: Number }));
}

describe('tf.summary and FileWriter', () => {
  it('builds summary ops named as TF1 and collects them in SUMMARIES', () => {
    const loss = tf.placeholder('float32', [], 'loss_in');
    const s = tf.summary.scalar('loss', loss);
    const h = tf.summary.histogram('w', tf.placeholder('float32', [4]));
    expect(s.op.name).toBe('loss');
    expect(s.op.type).toBe('ScalarSummary');
    expect(s.op.inputs[0]!.op.name).toBe('loss/tags');
    expect(h.op.type).toBe('HistogramSummary');
    expect(tf.getCollection(tf.GraphKeys.SUMMARIES)).toEqual([s, h]);
    const merged = tf.summary.mergeAll()!;
    expect(merged.op.name).toBe('Merge/MergeSummary');
    expect(merged.op.inputs.length).toBe(2);
  });

  it('fetches serialized Summary protos with scalar and histogram values', async () => {
    const x = tf.placeholder('float32', [4], 'x');
    tf.summary.scalar('mean', tf.reduceMean(x));
    tf.summary.histogram('values', x);
    const merged = tf.summary.mergeAll()!;
    const sess = new tf.Session();
    const out = await sess.run(merged, { 'x:0': [1, 2, 3, 10] });
    expect(out.dtype).toBe('string');
    const summary = Summary.toObject(Summary.decode(out.bytes![0]!)) as { value: { tag: string; simpleValue?: number; histo?: { num: number; sum: number; min: number; max: number } }[] };
    // As in TF: names compare case-insensitively, and reduceMean already made an op 'Mean'.
    expect(summary.value[0]).toEqual({ tag: 'mean_1', simpleValue: 4 });
    expect(summary.value[1]!.tag).toBe('values');
    expect(summary.value[1]!.histo).toMatchObject({ num: 4, sum: 16, min: 1, max: 10 });
    sess.close();
  });

  it('histograms follow TF: exponential buckets, empty runs collapsed', () => {
    const h = histogramOf([0, 1, 1, -2]);
    expect(h.num).toBe(4);
    expect(h.sumSquares).toBe(6);
    // Each value falls in the bucket whose limit is the first above it.
    const total = h.bucket.reduce((a, b) => a + b, 0);
    expect(total).toBe(4);
    const oneIdx = h.bucketLimit.findIndex((l, i) => h.bucket[i] === 2);
    expect(h.bucketLimit[oneIdx]!).toBeGreaterThan(1);
    expect(h.bucketLimit[oneIdx - 1]!).toBeLessThanOrEqual(1);
    expect(h.bucketLimit[h.bucketLimit.length - 1]).toBe(Number.MAX_VALUE);
  });

  it('FileWriter writes TFRecord events TensorBoard reads: version, graph, summaries by step', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tfgraph-events-'));
    const x = tf.placeholder('float32', [], 'x');
    const s = tf.summary.scalar('loss', tf.multiply(x, 2));
    const writer = new tf.summary.FileWriter(dir, tf.getDefaultGraph());
    const sess = new tf.Session();
    for (const step of [1, 2]) writer.addSummary(await sess.run(s, { 'x:0': step }), step);
    writer.flush();
    writer.close();
    const ev = events(dir);
    expect(ev[0]!['fileVersion']).toBe('brain.Event:2');
    const gd = tf.GraphDef.decode(ev[1]!['graphDef'] as Uint8Array);
    expect(gd.node.map((n) => n.name)).toContain('loss');
    expect(ev.slice(2).map((e) => [e['step'], (e['summary'] as { value: { simpleValue: number }[] }).value[0]!.simpleValue])).toEqual([
      [1, 2],
      [2, 4],
    ]);
    expect(() => writer.addSummary(new Uint8Array(0), 3)).toThrow(tf.RuntimeError);
    sess.close();
  });

  it('frames records as TFRecords with masked crc32c, detecting corruption', () => {
    const rec = tfRecord(new Uint8Array([1, 2, 3]));
    expect(rec.length).toBe(19);
    expect(readTfRecords(rec)).toEqual([new Uint8Array([1, 2, 3])]);
    const bad = rec.slice();
    bad[13]! ^= 1;
    expect(() => readTfRecords(bad)).toThrow(/checksum/);
  });
});
