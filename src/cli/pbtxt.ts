import type { GraphDefObject } from '../io/graph_def.js';
import { protobuf, protoType } from '../proto/tf_protos.js';

/**
 * A reader for protobuf's text format as TF writes GraphDefs (`.pbtxt`, tf.train.write_graph's
 * default), driven by the same protobufjs reflection the binary codec uses. Fields the
 * reflection does not model (a GraphDef's function `library`) are parsed and skipped.
 */
export function parseGraphDefText(text: string): GraphDefObject {
  const type = protoType('GraphDef');
  const raw = new Parser(text).message(type, null);
  return type.toObject(type.fromObject(raw), {
    enums: String,
    longs: Number,
    defaults: false,
  }) as GraphDefObject;
}

type Token = { kind: 'punct' | 'word'; text: string } | { kind: 'string'; bytes: Uint8Array };

const WORD = /[A-Za-z0-9_.+-]+/y;
const PUNCT = new Set(['{', '}', '<', '>', '[', ']', ':', ',', ';']);
const ESCAPES: Record<string, number> = {
  n: 10,
  t: 9,
  r: 13,
  a: 7,
  b: 8,
  f: 12,
  v: 11,
  '\\': 92,
  "'": 39,
  '"': 34,
  '?': 63,
};

function tokenize(text: string): Token[] {
  const utf8 = new TextEncoder();
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) i++;
    else if (c === '#') while (i < text.length && text[i] !== '\n') i++;
    else if (PUNCT.has(c)) {
      tokens.push({ kind: 'punct', text: c });
      i++;
    } else if (c === '"' || c === "'") {
      const out: number[] = [];
      for (i++; i < text.length && text[i] !== c; i++) {
        if (text[i] !== '\\') {
          const char = String.fromCodePoint(text.codePointAt(i)!);
          out.push(...utf8.encode(char));
          i += char.length - 1;
          continue;
        }
        const e = text[++i] ?? '';
        const octal = /^[0-7]{1,3}/.exec(text.slice(i, i + 3))?.[0];
        const hex = e === 'x' ? /^[0-9a-fA-F]{1,2}/.exec(text.slice(i + 1, i + 3))?.[0] : undefined;
        if (octal) {
          out.push(parseInt(octal, 8));
          i += octal.length - 1;
        } else if (hex) {
          out.push(parseInt(hex, 16));
          i += hex.length;
        } else out.push(ESCAPES[e] ?? e.charCodeAt(0));
      }
      i++;
      const last = tokens[tokens.length - 1];
      // Adjacent strings concatenate, as in C.
      if (last?.kind === 'string') last.bytes = new Uint8Array([...last.bytes, ...out]);
      else tokens.push({ kind: 'string', bytes: new Uint8Array(out) });
    } else {
      WORD.lastIndex = i;
      const m = WORD.exec(text);
      if (!m) throw new SyntaxError(`pbtxt: unexpected character '${c}' at offset ${i}`);
      tokens.push({ kind: 'word', text: m[0] });
      i += m[0].length;
    }
  }
  return tokens;
}

class Parser {
  private readonly tokens: Token[];
  private pos = 0;

  constructor(text: string) {
    this.tokens = tokenize(text);
  }

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  private isPunct(text: string): boolean {
    const t = this.peek();
    return t?.kind === 'punct' && t.text === text;
  }

  private next(): Token {
    const t = this.tokens[this.pos++];
    if (!t) throw new SyntaxError('pbtxt: unexpected end of input');
    return t;
  }

  private word(): string {
    const t = this.next();
    if (t.kind !== 'word')
      throw new SyntaxError(
        `pbtxt: expected a field name or value, got ${t.kind === 'punct' ? `'${t.text}'` : 'a string'}`,
      );
    return t.text;
  }

  /** Fields up to `end` ('}' or '>'), or to the end of input at the top level (end null). */
  message(type: protobuf.Type | null, end: string | null): Record<string, unknown> {
    const obj: Record<string, unknown> = {};
    while (end === null ? this.peek() !== undefined : !this.isPunct(end)) {
      const name = this.word();
      const field =
        type?.fields[name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())] ?? null;
      field?.resolve();
      if (this.isPunct(':')) this.next();
      const values: unknown[] = [];
      if (this.isPunct('[')) {
        this.next();
        while (!this.isPunct(']')) {
          values.push(this.value(field));
          if (this.isPunct(',')) this.next();
        }
        this.next();
      } else values.push(this.value(field));
      if (this.isPunct(',') || this.isPunct(';')) this.next();
      if (field) for (const v of values) store(obj, field, v);
    }
    if (end !== null) this.next();
    return obj;
  }

  private value(field: protobuf.Field | null): unknown {
    if (this.isPunct('{') || this.isPunct('<')) {
      const close = this.isPunct('<') ? '>' : '}';
      this.next();
      if (field?.map) return this.message(mapEntryType(field), close);
      const rt = field?.resolvedType;
      return this.message(rt instanceof protobuf.Type ? rt : null, close);
    }
    const t = this.next();
    if (!field) return null;
    if (t.kind === 'string')
      return field.type === 'bytes' ? t.bytes : new TextDecoder().decode(t.bytes);
    if (t.kind === 'punct')
      throw new SyntaxError(`pbtxt: unexpected '${t.text}' as the value of ${field.name}`);
    return scalar(field, t.text);
  }
}

const mapEntries = new WeakMap<protobuf.Field, protobuf.Type>();

/** A map field's entries are messages of `key` and `value`. */
function mapEntryType(field: protobuf.Field): protobuf.Type {
  const known = mapEntries.get(field);
  if (known) return known;
  const entry = new protobuf.Type(`${field.name}Entry`).add(new protobuf.Field('key', 1, 'string'));
  const value = new protobuf.Field('value', 2, field.type);
  entry.add(value);
  // Resolve the value's type in the map field's scope (AttrValue).
  value.resolvedType = field.resolvedType;
  value.resolved = true;
  mapEntries.set(field, entry);
  return entry;
}

function scalar(field: protobuf.Field, text: string): unknown {
  if (field.resolvedType instanceof protobuf.Enum)
    return /^-?\d+$/.test(text) ? Number(text) : text;
  switch (field.type) {
    case 'bool':
      return text === 'true' || text === 'True' || text === 't' || text === '1';
    case 'float':
    case 'double': {
      // '1.5f' is a float too; 'inf' keeps its f.
      const t = text.toLowerCase().replace(/^([-+]?[\d.]+(e[-+]?\d+)?)f$/, '$1');
      if (t === 'nan') return NaN;
      if (/^[-+]?inf(inity)?$/.test(t)) return t.startsWith('-') ? -Infinity : Infinity;
      return Number(t);
    }
    case 'string':
      return text;
    default:
      return Number(text);
  }
}

function store(obj: Record<string, unknown>, field: protobuf.Field, v: unknown): void {
  if (field.map) {
    const entry = v as { key?: string; value?: unknown };
    const map = (obj[field.name] ??= {}) as Record<string, unknown>;
    map[entry.key ?? ''] = entry.value ?? {};
  } else if (field.repeated) ((obj[field.name] ??= []) as unknown[]).push(v);
  else obj[field.name] = v;
}
