import * as tfc from '@tensorflow/tfjs-core';
import { protoType } from '../../proto/tf_protos.js';

export const SummaryType = protoType('Summary');

export interface SummaryValue {
  tag: string;
  simpleValue?: number;
  histo?: object;
}

/** A serialized Summary as a scalar string tensor, the output of TF's summary ops. */
export function summaryTensor(values: readonly SummaryValue[]): tfc.Tensor {
  const bytes = SummaryType.encode(SummaryType.fromObject({ value: values })).finish();
  return tfc.tensor([bytes], [], 'string');
}

/** The raw bytes of each element of a string tensor (tfjs keeps them as Uint8Arrays). */
export function stringBytes(t: tfc.Tensor): Uint8Array[] {
  return tfc.engine().readSync(t.dataId) as Uint8Array[];
}
