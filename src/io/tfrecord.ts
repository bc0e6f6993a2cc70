import { crc32c, maskCrc } from '../train/checkpoint/crc.js';

/**
 * One TFRecord: uint64 length, masked crc32c of the length bytes, the data, masked crc32c of
 * the data (all little-endian), the framing of TensorBoard's event files.
 */
export function tfRecord(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(8 + 4 + data.length + 4);
  const view = new DataView(out.buffer);
  view.setBigUint64(0, BigInt(data.length), true);
  view.setUint32(8, maskCrc(crc32c(out.subarray(0, 8))), true);
  out.set(data, 12);
  view.setUint32(12 + data.length, maskCrc(crc32c(data)), true);
  return out;
}

/** Splits a TFRecord file into its records, checking both checksums. */
export function readTfRecords(file: Uint8Array): Uint8Array[] {
  const records: Uint8Array[] = [];
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  let o = 0;
  while (o < file.length) {
    if (o + 12 > file.length) throw new Error(`truncated TFRecord header at ${o}`);
    const len = Number(view.getBigUint64(o, true));
    if (view.getUint32(o + 8, true) !== maskCrc(crc32c(file.subarray(o, o + 8)))) throw new Error(`bad length checksum at ${o}`);
    const data = file.subarray(o + 12, o + 12 + len);
    if (data.length !== len || o + 16 + len > file.length) throw new Error(`truncated TFRecord at ${o}`);
    if (view.getUint32(o + 12 + len, true) !== maskCrc(crc32c(data))) throw new Error(`bad data checksum at ${o}`);
    records.push(data);
    o += 16 + len;
  }
  return records;
}
