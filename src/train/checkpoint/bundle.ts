import { DataLossError, UnimplementedError } from '../../errors.js';
import type { DType } from '../../graph/dtype.js';
import { NDArray } from '../../graph/ndarray.js';
import { protoType } from '../../proto/tf_protos.js';
import { crc32c, maskCrc, unmaskCrc } from './crc.js';
import { readTable, writeTable } from './sstable.js';
import { tensorBytes, valuesFromBytes } from '../../io/tensor_bytes.js';

/**
 * TF's tensor bundle (tensorflow/core/util/tensor_bundle), the V2 checkpoint format: an
 * sstable `prefix.index` mapping names to BundleEntryProto (dtype, shape, offset, size, masked
 * crc32c) after a header under the empty key, and the raw little-endian bytes in
 * `prefix.data-00000-of-00001`.
 */

const DT: Record<DType, number> = { float32: 1, float64: 2, int32: 3, string: 7, int64: 9, bool: 10 };
const FROM_DT = new Map<number, DType>(Object.entries(DT).map(([k, v]) => [v, k as DType]));
const BUNDLE_VERSION = 1;

const BundleHeader = protoType('BundleHeaderProto');
const BundleEntry = protoType('BundleEntryProto');

export function dataFileName(prefix: string, shard = 0, numShards = 1): string {
  const pad = (n: number): string => String(n).padStart(5, '0');
  return `${prefix}.data-${pad(shard)}-of-${pad(numShards)}`;
}

export function indexFileName(prefix: string): string {
  return `${prefix}.index`;
}

function tensorBytesOf(a: NDArray): Uint8Array {
  if (a.dtype === 'string') throw new UnimplementedError(`Saving string tensors is not supported (dtype ${a.dtype})`);
  return tensorBytes(a);
}

function fromBytes(dtype: DType, shape: number[], bytes: Uint8Array, name: string): NDArray {
  if (dtype === 'string') throw new UnimplementedError(`Reading '${name}' of dtype ${dtype} is not supported`);
  const overflow = (v: bigint): never => {
    throw new DataLossError(`Checkpoint value of '${name}' (${v}) does not fit tfjs' int32 storage for int64`);
  };
  return new NDArray(dtype, shape, valuesFromBytes(dtype, bytes, overflow));
}

export interface BundleFiles {
  index: Uint8Array;
  data: Uint8Array;
}

const utf8 = new TextEncoder();

/** Serialises tensors (sorted by name, as TF's SaveV2 orders them) into index and data bytes. */
export function writeBundle(tensors: ReadonlyMap<string, NDArray>): BundleFiles {
  const names = [...tensors.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const chunks: Uint8Array[] = [];
  const entries: [Uint8Array, Uint8Array][] = [];
  const header = BundleHeader.encode(BundleHeader.fromObject({ numShards: 1, version: { producer: BUNDLE_VERSION } })).finish();
  entries.push([new Uint8Array(0), header]);
  let offset = 0;
  for (const name of names) {
    const a = tensors.get(name)!;
    const bytes = tensorBytesOf(a);
    // proto3: default values (offset 0) are not written, as TF's serializer omits them.
    const entry: Record<string, unknown> = { dtype: DT[a.dtype], shape: { dim: a.shape.map((size) => ({ size })) } };
    if (offset !== 0) entry['offset'] = offset;
    if (bytes.length !== 0) entry['size'] = bytes.length;
    entry['crc32c'] = maskCrc(crc32c(bytes));
    entries.push([utf8.encode(name), BundleEntry.encode(BundleEntry.fromObject(entry)).finish()]);
    chunks.push(bytes);
    offset += bytes.length;
  }
  const data = new Uint8Array(offset);
  let o = 0;
  for (const c of chunks) {
    data.set(c, o);
    o += c.length;
  }
  return { index: writeTable(entries), data };
}

export interface BundleEntryInfo {
  name: string;
  dtype: DType;
  shape: number[];
  shard: number;
  offset: number;
  size: number;
  crc32c: number;
}

/** Parses an index file: the header and each tensor's entry (validated, not yet read). */
export function readIndex(index: Uint8Array, what = 'checkpoint index'): { numShards: number; entries: BundleEntryInfo[] } {
  const rows = readTable(index, what);
  const decoder = new TextDecoder();
  let numShards = 1;
  const entries: BundleEntryInfo[] = [];
  for (const [k, v] of rows) {
    if (k.length === 0) {
      const h = BundleHeader.toObject(BundleHeader.decode(v), { defaults: true }) as { numShards: number; endianness: number };
      numShards = h.numShards;
      if (h.endianness !== 0) throw new UnimplementedError(`${what}: big-endian checkpoints are not supported`);
      continue;
    }
    const name = decoder.decode(k);
    const e = BundleEntry.toObject(BundleEntry.decode(v), { defaults: true, longs: Number }) as {
      dtype: number;
      shape?: { dim?: { size: number }[] };
      shardId: number;
      offset: number;
      size: number;
      crc32c: number;
      slices: unknown[];
    };
    if (e.slices.length > 0) throw new UnimplementedError(`${what}: '${name}' is a partitioned (sliced) variable, which is not supported`);
    const dtype = FROM_DT.get(e.dtype);
    if (!dtype) throw new UnimplementedError(`${what}: '${name}' has unsupported dtype enum ${e.dtype}`);
    entries.push({ name, dtype, shape: (e.shape?.dim ?? []).map((d) => Number(d.size)), shard: e.shardId, offset: e.offset, size: e.size, crc32c: e.crc32c });
  }
  return { numShards, entries };
}

/** Reads one entry's tensor from its shard's bytes, checking bounds and checksum. */
export function readEntry(e: BundleEntryInfo, data: Uint8Array, what = 'checkpoint data'): NDArray {
  if (e.offset + e.size > data.length) {
    throw new DataLossError(`${what}: '${e.name}' needs bytes ${e.offset}..${e.offset + e.size} but the data file has ${data.length} (truncated?)`);
  }
  const bytes = data.subarray(e.offset, e.offset + e.size);
  if (crc32c(bytes) !== unmaskCrc(e.crc32c)) throw new DataLossError(`${what}: checksum mismatch for '${e.name}' (corrupted data file)`);
  return fromBytes(e.dtype, e.shape, bytes, e.name);
}
