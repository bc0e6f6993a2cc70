import type { OpRecord } from '../core/define.js';
import { HistogramSummary } from './histogram_summary.js';
import { MergeSummary } from './merge_summary.js';
import { ScalarSummary } from './scalar_summary.js';

export const SUMMARY_OPS: readonly OpRecord[] = [HistogramSummary, MergeSummary, ScalarSummary];
