import { InvalidArgumentError } from '../../errors.js';
import { TensorShape } from '../../graph/shape.js';
import { attr } from '../core/attr.js';
import { defineOp } from '../core/define.js';
import { stringBytes, summaryTensor, SummaryType, type SummaryValue } from './summary_proto.js';

/** Merges serialized Summaries into one; a tag seen twice is an error, as in TF. */
export const MergeSummary = defineOp({
  type: 'MergeSummary',
  inputs: ['inputs*:string'],
  attrs: { N: attr.int() },
  infer: () => [{ dtype: 'string', shape: TensorShape.scalar() }],
  kernel: (ins, _a, ctx) => {
    const seen = new Set<string>();
    const values: SummaryValue[] = [];
    for (const t of ins) {
      for (const bytes of stringBytes(t)) {
        const s = SummaryType.toObject(SummaryType.decode(bytes), { longs: Number }) as { value?: SummaryValue[] };
        for (const v of s.value ?? []) {
          if (seen.has(v.tag)) throw new InvalidArgumentError(`Duplicate tag ${v.tag} found in summary inputs`, ctx.op.name);
          seen.add(v.tag);
          values.push(v);
        }
      }
    }
    return [summaryTensor(values)];
  },
  grad: 'none',
});
