import { ARRAY_OPS } from '../array/all.js';
import { CONTROL_OPS } from '../control/all.js';
import { LINALG_OPS } from '../linalg/all.js';
import { MATH_OPS } from '../math/all.js';
import { NN_OPS } from '../nn/all.js';
import { RANDOM_OPS } from '../random/all.js';
import { STATE_OPS } from '../state/all.js';
import { SUMMARY_OPS } from '../summary/all.js';
import { TRAIN_OPS } from '../train/all.js';
import type { OpRecord } from './define.js';

/** Every op type tfgraph knows, from the per-family lists. */
export const ALL_OPS: readonly OpRecord[] = [...ARRAY_OPS, ...MATH_OPS, ...NN_OPS, ...RANDOM_OPS, ...STATE_OPS, ...CONTROL_OPS, ...TRAIN_OPS, ...SUMMARY_OPS, ...LINALG_OPS];

let byType: Map<string, OpRecord> | null = null;

export function getOpRecord(type: string): OpRecord | undefined {
  if (!byType) byType = new Map(ALL_OPS.map((r) => [r.type, r]));
  return byType.get(type);
}
