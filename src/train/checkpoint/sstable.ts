import { DataLossError } from '../../errors.js';
import { protobuf } from '../../proto/tf_protos.js';
import { crc32c, maskCrc, unmaskCrc } from './crc.js';

/**
 * The LevelDB table format TF's tensor bundle index uses (tensorflow/core/lib/io/table*),
 * uncompressed. Written exactly as TF's TableBuilder does, so a table of the same entries is
 * byte-identical to TF's.
 */

const MAGIC_LO = 0x8b80fb57;
const MAGIC_HI = 0xdb477524;
const FOOTER_SIZE = 48;
const TRAILER_SIZE = 5;
const RESTART_INTERVAL = 16;
const BLOCK_SIZE = 262144;

interface BlockHandle {
  offset: number;
  size: number;
}

function fixed32(n: number): Uint8Array {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, n >>> 0, true);
  return b;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

class BlockBuilder {
  private parts: Uint8Array[] = [];
  private size = 0;
  private restarts = [0];
  private counter = 0;
  private lastKey: Uint8Array = new Uint8Array(0);
  entries = 0;

  add(key: Uint8Array, value: Uint8Array): void {
    let shared = 0;
    if (this.counter < RESTART_INTERVAL) {
      const n = Math.min(this.lastKey.length, key.length);
      while (shared < n && this.lastKey[shared] === key[shared]) shared++;
    } else {
      this.restarts.push(this.size);
      this.counter = 0;
    }
    const header = protobuf.Writer.create().uint32(shared).uint32(key.length - shared).uint32(value.length).finish();
    this.push(header);
    this.push(key.subarray(shared));
    this.push(value);
    this.lastKey = key;
    this.counter++;
    this.entries++;
  }

  private push(b: Uint8Array): void {
    this.parts.push(b);
    this.size += b.length;
  }

  sizeEstimate(): number {
    return this.size + this.restarts.length * 4 + 4;
  }

  finish(): Uint8Array {
    return concat([...this.parts, ...this.restarts.map(fixed32), fixed32(this.restarts.length)]);
  }
}

/** LevelDB's BytewiseComparator::FindShortestSeparator. */
function shortestSeparator(start: Uint8Array, limit: Uint8Array): Uint8Array {
  const n = Math.min(start.length, limit.length);
  let i = 0;
  while (i < n && start[i] === limit[i]) i++;
  if (i >= n) return start;
  const b = start[i]!;
  if (b < 0xff && b + 1 < limit[i]!) {
    const out = start.slice(0, i + 1);
    out[i] = b + 1;
    return out;
  }
  return start;
}

/** LevelDB's BytewiseComparator::FindShortSuccessor. */
function shortSuccessor(key: Uint8Array): Uint8Array {
  for (let i = 0; i < key.length; i++) {
    if (key[i] !== 0xff) {
      const out = key.slice(0, i + 1);
      out[i] = key[i]! + 1;
      return out;
    }
  }
  return key;
}

function encodeHandle(h: BlockHandle): Uint8Array {
  return protobuf.Writer.create().uint64(h.offset).uint64(h.size).finish();
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

/** Writes a table of `entries`, which must be sorted by key (bytewise) and unique. */
export function writeTable(entries: readonly (readonly [Uint8Array, Uint8Array])[]): Uint8Array {
  const out: Uint8Array[] = [];
  let offset = 0;
  const writeBlock = (contents: Uint8Array): BlockHandle => {
    const handle = { offset, size: contents.length };
    const typeByte = new Uint8Array([0]);
    const crc = maskCrc(crc32c(concat([contents, typeByte])));
    out.push(contents, typeByte, fixed32(crc));
    offset += contents.length + TRAILER_SIZE;
    return handle;
  };
  const index = new BlockBuilder();
  let data = new BlockBuilder();
  let lastKey: Uint8Array | null = null;
  let pending: BlockHandle | null = null;
  for (const [key, value] of entries) {
    if (lastKey && compareBytes(lastKey, key) >= 0) throw new Error('writeTable: keys must be sorted and unique');
    if (pending && lastKey) {
      index.add(shortestSeparator(lastKey, key), encodeHandle(pending));
      pending = null;
    }
    lastKey = key;
    data.add(key, value);
    if (data.sizeEstimate() >= BLOCK_SIZE) {
      pending = writeBlock(data.finish());
      data = new BlockBuilder();
    }
  }
  if (data.entries > 0) pending = writeBlock(data.finish());
  const metaHandle = writeBlock(new BlockBuilder().finish());
  if (pending && lastKey) index.add(shortSuccessor(lastKey), encodeHandle(pending));
  const indexHandle = writeBlock(index.finish());
  const handles = concat([encodeHandle(metaHandle), encodeHandle(indexHandle)]);
  const footer = new Uint8Array(FOOTER_SIZE);
  footer.set(handles);
  footer.set(fixed32(MAGIC_LO), 40);
  footer.set(fixed32(MAGIC_HI), 44);
  out.push(footer);
  return concat(out);
}

function readBlock(file: Uint8Array, h: BlockHandle, what: string): Uint8Array {
  if (h.offset + h.size + TRAILER_SIZE > file.length) throw new DataLossError(`${what}: block at ${h.offset} runs past the end of the file (truncated?)`);
  const contents = file.subarray(h.offset, h.offset + h.size);
  const type = file[h.offset + h.size];
  const stored = new DataView(file.buffer, file.byteOffset + h.offset + h.size + 1, 4).getUint32(0, true);
  const actual = crc32c(file.subarray(h.offset, h.offset + h.size + 1));
  if (unmaskCrc(stored) !== actual) throw new DataLossError(`${what}: block checksum mismatch at offset ${h.offset} (corrupted file)`);
  if (type !== 0) throw new DataLossError(`${what}: compressed blocks (type ${type}) are not supported`);
  return contents;
}

function blockEntries(block: Uint8Array, what: string): [Uint8Array, Uint8Array][] {
  const view = new DataView(block.buffer, block.byteOffset, block.length);
  const numRestarts = view.getUint32(block.length - 4, true);
  const limit = block.length - 4 - numRestarts * 4;
  if (limit < 0) throw new DataLossError(`${what}: bad block restart count`);
  const reader = protobuf.Reader.create(block.subarray(0, limit));
  const out: [Uint8Array, Uint8Array][] = [];
  let last: Uint8Array = new Uint8Array(0);
  while (reader.pos < limit) {
    const shared = reader.uint32();
    const nonShared = reader.uint32();
    const valueLen = reader.uint32();
    if (shared > last.length || reader.pos + nonShared + valueLen > limit) throw new DataLossError(`${what}: bad block entry`);
    const key = new Uint8Array(shared + nonShared);
    key.set(last.subarray(0, shared));
    key.set(block.subarray(reader.pos, reader.pos + nonShared), shared);
    reader.pos += nonShared;
    const value = block.slice(reader.pos, reader.pos + valueLen);
    reader.pos += valueLen;
    out.push([key, value]);
    last = key;
  }
  return out;
}

function decodeHandle(b: Uint8Array): BlockHandle {
  const r = protobuf.Reader.create(b);
  return { offset: Number(r.uint64()), size: Number(r.uint64()) };
}

/** Reads every entry of a table, verifying each block's checksum. */
export function readTable(file: Uint8Array, what = 'table'): [Uint8Array, Uint8Array][] {
  if (file.length < FOOTER_SIZE) throw new DataLossError(`${what}: file too short to be a table (${file.length} bytes)`);
  const footer = file.subarray(file.length - FOOTER_SIZE);
  const fv = new DataView(footer.buffer, footer.byteOffset, FOOTER_SIZE);
  if (fv.getUint32(40, true) !== MAGIC_LO || fv.getUint32(44, true) !== MAGIC_HI) {
    throw new DataLossError(`${what}: not an sstable (bad magic number)`);
  }
  const r = protobuf.Reader.create(footer);
  r.uint64();
  r.uint64();
  const indexHandle = { offset: Number(r.uint64()), size: Number(r.uint64()) };
  const index = blockEntries(readBlock(file, indexHandle, what), what);
  return index.flatMap(([, handle]) => blockEntries(readBlock(file, decodeHandle(handle), what), what));
}
