import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tfc from '@tensorflow/tfjs-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as tf from '../../src/index.js';

let dir: string;
beforeEach(() => {
  tf.resetDefaultGraph();
  dir = mkdtempSync(join(tmpdir(), 'tfgraph-saver-'));
});
afterEach(() => tf.resetDefaultGraph());

function model() {
  const w = tf.getVariable('dense/kernel', { shape: [2, 3], initializer: tf.randomUniformInitializer({ seed: 1 }) });
  const b = tf.getVariable('dense/bias', { shape: [3], initializer: tf.zerosInitializer() });
  const step = tf.train.getOrCreateGlobalStep();
  return { w, b, step };
}

const values = (a: tf.NDArray): number[] => Array.from(a.data as Float32Array);

describe('tf.train.Saver', () => {
  it('creates global_step as TF1: int64 scalar, untrainable, in GLOBAL_STEP', () => {
    const { step } = model();
    expect(step.name).toBe('global_step:0');
    expect(step.dtype).toBe('int64');
    expect(tf.trainableVariables().includes(step)).toBe(false);
    expect(tf.getCollection(tf.GraphKeys.GLOBAL_STEP)).toEqual([step]);
    expect(tf.train.getOrCreateGlobalStep()).toBe(step);
    expect(tf.train.getGlobalStep()).toBe(step);
  });

  it('saves with a global step and restores into a fresh session', async () => {
    const { w, b, step } = model();
    const sess = new tf.Session();
    await sess.run(tf.globalVariablesInitializer());
    await sess.run([b.assign([1, 2, 3]), step.assign(42)]);
    const saver = new tf.train.Saver();
    const path = await saver.save(sess, join(dir, 'model.ckpt'), { globalStep: step });
    expect(path).toBe(join(dir, 'model.ckpt-42'));
    expect(readFileSync(join(dir, 'checkpoint'), 'utf8')).toBe('model_checkpoint_path: "model.ckpt-42"\nall_model_checkpoint_paths: "model.ckpt-42"\n');
    expect(tf.train.latestCheckpoint(dir)).toBe(path);
    const [wv] = await sess.run([w]);

    const before = tfc.memory().numTensors;
    const sess2 = new tf.Session();
    await saver.restore(sess2, path);
    const [w2, b2, s2] = await sess2.run([w, b, step]);
    expect(values(w2)).toEqual(values(wv));
    expect(values(b2)).toEqual([1, 2, 3]);
    expect(s2.item()).toBe(42);
    expect(s2.dtype).toBe('int64');
    sess2.close();
    expect(tfc.memory().numTensors).toBe(before);
    sess.close();
  });

  it('restores a checkpoint written by TensorFlow 1', async () => {
    const fix = join(import.meta.dirname, '../fixtures/checkpoint');
    const want = JSON.parse(readFileSync(join(fix, 'tf_model.json'), 'utf8')) as { values: Record<string, unknown> };
    const { w, b, step } = model();
    const scalar = tf.getVariable('scalar', { shape: [] });
    const counts = tf.getVariable('counts', { shape: [3], dtype: 'int32' });
    const sess = new tf.Session();
    await new tf.train.Saver().restore(sess, join(fix, 'tf_model.ckpt'));
    const [wv, bv, sv, cv, stepv] = await sess.run([w, b, scalar, counts, step]);
    expect(values(wv)).toEqual((want.values['dense/kernel'] as number[][]).flat().map(Math.fround));
    expect(values(bv)).toEqual(want.values['dense/bias']);
    expect(sv.item()).toBe(3.25);
    expect(Array.from(cv.data as Int32Array)).toEqual([1, -2, 3]);
    expect(stepv.item()).toBe(7);
    sess.close();
  });

  it('keeps maxToKeep checkpoints, deleting only older complete ones', async () => {
    model();
    const sess = new tf.Session();
    await sess.run(tf.globalVariablesInitializer());
    const saver = new tf.train.Saver({ maxToKeep: 2 });
    for (const s of [1, 2, 3]) await saver.save(sess, join(dir, 'm'), { globalStep: s });
    expect(existsSync(join(dir, 'm-1.index'))).toBe(false);
    expect(existsSync(join(dir, 'm-1.data-00000-of-00001'))).toBe(false);
    expect(existsSync(join(dir, 'm-2.index'))).toBe(true);
    expect(existsSync(join(dir, 'm-3.index'))).toBe(true);
    expect(saver.lastCheckpoints).toEqual([join(dir, 'm-2'), join(dir, 'm-3')]);
    expect(readFileSync(join(dir, 'checkpoint'), 'utf8')).toContain('all_model_checkpoint_paths: "m-2"\nall_model_checkpoint_paths: "m-3"');
    sess.close();
  });

  it('a save that fails midway leaves the previous checkpoint intact and no temp files', async () => {
    const { b } = model();
    const sess = new tf.Session();
    await sess.run(tf.globalVariablesInitializer());
    await sess.run(b.assign([7, 8, 9]));
    const saver = new tf.train.Saver();
    const first = await saver.save(sess, join(dir, 'm'), { globalStep: 1 });
    await sess.run(b.assign([0, 0, 0]));
    // A directory where the new index must go makes the final rename fail.
    mkdirSync(join(dir, 'm-2.index'));
    await expect(saver.save(sess, join(dir, 'm'), { globalStep: 2 })).rejects.toThrow();
    expect(readdirSync(dir).filter((f) => f.includes('tempstate'))).toEqual([]);
    expect(tf.train.latestCheckpoint(dir)).toBe(first);
    const sess2 = new tf.Session();
    await saver.restore(sess2, first);
    expect(values(await sess2.run(b))).toEqual([7, 8, 9]);
    sess.close();
    sess2.close();
  });

  it('refuses mismatched checkpoints, naming each mismatch, and changes no variable', async () => {
    model();
    const sess = new tf.Session();
    await sess.run(tf.globalVariablesInitializer());
    const path = await new tf.train.Saver().save(sess, join(dir, 'good'));

    tf.resetDefaultGraph();
    const w2 = tf.getVariable('dense/kernel', { shape: [3, 2] });
    const b2 = tf.getVariable('dense/bias', { shape: [3], initializer: tf.constantInitializer(5) });
    const extra = tf.getVariable('extra', { shape: [1] });
    const sess2 = new tf.Session();
    await sess2.run(tf.globalVariablesInitializer());
    const err = await new tf.train.Saver({ varList: [w2, b2, extra] }).restore(sess2, path).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(tf.errors.NotFoundError);
    expect((err as Error).message).toMatch(/Key extra not found in checkpoint/);
    expect((err as Error).message).toMatch(/'dense\/kernel': checkpoint has shape \[2,3\], the variable is \[3,2\]/);
    expect(values(await sess2.run(b2))).toEqual([5, 5, 5]);
    const shapeOnly = await new tf.train.Saver({ varList: [w2, b2] }).restore(sess2, path).catch((e: unknown) => e);
    expect(shapeOnly).toBeInstanceOf(tf.errors.InvalidArgumentError);
    await expect(new tf.train.Saver({ varList: [b2] }).restore(sess2, join(dir, 'nope'))).rejects.toThrow(/not a valid checkpoint/);
    sess.close();
    sess2.close();
  });

  it('refuses a corrupted or truncated data file and changes no variable', async () => {
    const { b } = model();
    const sess = new tf.Session();
    await sess.run(tf.globalVariablesInitializer());
    await sess.run(b.assign([1, 2, 3]));
    const path = await new tf.train.Saver().save(sess, join(dir, 'c'));
    const dataFile = `${path}.data-00000-of-00001`;
    const good = readFileSync(dataFile);
    await sess.run(b.assign([4, 5, 6]));
    const bad = Buffer.from(good);
    bad[0]! ^= 0x55;
    writeFileSync(dataFile, bad);
    await expect(new tf.train.Saver().restore(sess, path)).rejects.toBeInstanceOf(tf.errors.DataLossError);
    writeFileSync(dataFile, good.subarray(0, good.length - 4));
    await expect(new tf.train.Saver().restore(sess, path)).rejects.toThrow(/truncated/);
    expect(values(await sess.run(b))).toEqual([4, 5, 6]);
    sess.close();
  });
});
