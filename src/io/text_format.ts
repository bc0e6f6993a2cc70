import type protobuf from 'protobufjs';
import { protoType } from '../proto/tf_protos.js';

/**
 * Protobuf text format as TF prints GraphDefs (`.pbtxt`): fields in field-number order, map
 * entries as `key`/`value` blocks sorted by key, bytes C-escaped, floats in shortest form.
 */
export function toTextFormat(typeName: string, obj: object): string {
  const lines: string[] = [];
  writeMessage(protoType(typeName), obj as Record<string, unknown>, '', lines);
  return lines.length ? `${lines.join('\n')}\n` : '';
}

function writeMessage(type: protobuf.Type, obj: Record<string, unknown>, indent: string, out: string[]): void {
  const fields = [...type.fieldsArray].sort((a, b) => a.id - b.id);
  for (const f of fields) {
    const v = obj[f.name];
    if (v === undefined || v === null) continue;
    f.resolve();
    if (f.map) {
      const entries = Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      for (const [k, val] of entries) {
        out.push(`${indent}${textName(f.name)} {`);
        out.push(`${indent}  key: ${quote(new TextEncoder().encode(k))}`);
        writeValue(f, 'value', val, `${indent}  `, out);
        out.push(`${indent}}`);
      }
      continue;
    }
    // A bytes field is a Uint8Array itself; only repeated fields are lists of values.
    const list = f.repeated ? Array.from(v as ArrayLike<unknown>) : [v];
    for (const item of list) writeValue(f, textName(f.name), item, indent, out);
  }
}

function writeValue(f: protobuf.Field, name: string, v: unknown, indent: string, out: string[]): void {
  const rt = f.resolvedType;
  if (rt && 'fieldsArray' in rt) {
    out.push(`${indent}${name} {`);
    writeMessage(rt as protobuf.Type, v as Record<string, unknown>, `${indent}  `, out);
    out.push(`${indent}}`);
    return;
  }
  if (rt) {
    const e = rt as protobuf.Enum;
    out.push(`${indent}${name}: ${typeof v === 'number' ? (e.valuesById[v] ?? String(v)) : String(v)}`);
    return;
  }
  out.push(`${indent}${name}: ${scalar(f.type, v)}`);
}

function scalar(type: string, v: unknown): string {
  switch (type) {
    case 'bytes':
      return quote(v as Uint8Array);
    case 'string':
      return quote(new TextEncoder().encode(v as string));
    case 'bool':
      return v ? 'true' : 'false';
    case 'float':
      return shortestFloat32(Number(v));
    case 'double':
      return shortestDouble(Number(v));
    default:
      return String(v);
  }
}

/** Protobuf's snake_case field names, from protobufjs' camelCase. */
function textName(camel: string): string {
  return camel.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

function quote(bytes: Uint8Array): string {
  let s = '"';
  for (const b of bytes) {
    if (b === 0x22) s += '\\"';
    else if (b === 0x27) s += "\\'";
    else if (b === 0x5c) s += '\\\\';
    else if (b === 0x0a) s += '\\n';
    else if (b === 0x0d) s += '\\r';
    else if (b === 0x09) s += '\\t';
    else if (b >= 0x20 && b < 0x7f) s += String.fromCharCode(b);
    else s += `\\${b.toString(8).padStart(3, '0')}`;
  }
  return `${s}"`;
}

function shortestFloat32(x: number): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'nan' : x > 0 ? 'inf' : '-inf';
  const f = Math.fround(x);
  for (let p = 1; p <= 9; p++) {
    const s = Number(f.toPrecision(p));
    if (Math.fround(s) === f) return formatNumber(s);
  }
  return formatNumber(f);
}

function shortestDouble(x: number): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'nan' : x > 0 ? 'inf' : '-inf';
  return formatNumber(x);
}

/** Python-like float printing: exponents as 1e-08, integers as 2. */
function formatNumber(x: number): string {
  const s = String(x);
  return s.replace(/e([+-])(\d)$/, 'e$10$2');
}
