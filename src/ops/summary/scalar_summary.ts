import { ValueError } from '../../errors.js';
import { TensorShape } from '../../graph/shape.js';
import { attr } from '../core/attr.js';
import { defineOp } from '../core/define.js';
import { summaryTensor } from './summary_proto.js';

/** One simple_value per (tag, value) pair; tags and values have the same shape. */
export const ScalarSummary = defineOp({
  type: 'ScalarSummary',
  inputs: ['tags:string', 'values'],
  attrs: { T: attr.type() },
  infer: ([tags, values]) => {
    if (!tags!.shape.isCompatibleWith(values!.shape)) {
      throw new ValueError(`tags and values must have the same shape: ${tags!.shape.toString()} vs ${values!.shape.toString()}`);
    }
    return [{ dtype: 'string', shape: TensorShape.scalar() }];
  },
  kernel: ([tags, values]) => {
    const t = tags!.dataSync<'string'>();
    const v = values!.dataSync();
    return [summaryTensor(t.map((tag, i) => ({ tag, simpleValue: Number(v[i]) })))];
  },
  grad: 'none',
});
