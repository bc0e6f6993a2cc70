import { InvalidArgumentError } from '../../errors.js';
import { TensorShape } from '../../graph/shape.js';
import { attr } from '../core/attr.js';
import { defineOp } from '../core/define.js';
import { histogramOf } from './histogram.js';
import { summaryTensor } from './summary_proto.js';

export const HistogramSummary = defineOp({
  type: 'HistogramSummary',
  inputs: ['tag:string', 'values'],
  attrs: { T: attr.type('float32') },
  infer: () => [{ dtype: 'string', shape: TensorShape.scalar() }],
  kernel: ([tag, values], _a, ctx) => {
    const v = values!.dataSync();
    for (const x of v) {
      if (!Number.isFinite(x)) throw new InvalidArgumentError(`Nan in summary histogram for: ${ctx.op.name}`, ctx.op.name);
    }
    const name = tag!.dataSync<'string'>()[0]!;
    return [summaryTensor([{ tag: name, histo: histogramOf(v) }])];
  },
  grad: 'none',
});
