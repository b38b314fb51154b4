// Decodes the Kubernetes protobuf encoding (`application/vnd.kubernetes.protobuf`) into the JSON
// form of the object. kubectl's typed clients send it: `kubectl create namespace`,
// `kubectl create deployment`, `kubectl create secret`, ... The field table comes from
// proto-schema.json (see gen-proto-schema.mjs).
import { readFileSync } from 'node:fs';
import { ApiError } from './errors.mjs';

const schema = JSON.parse(readFileSync(new URL('./proto-schema.json', import.meta.url), 'utf8'));
const MAGIC = Buffer.from([0x6b, 0x38, 0x73, 0x00]); // "k8s\0"

class Reader {
  /** @param {Buffer} buf */
  constructor(buf, start = 0, end = buf.length) {
    this.buf = buf;
    this.pos = start;
    this.end = end;
  }

  varint() {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      if (this.pos >= this.end) throw new Error('truncated varint');
      const b = this.buf[this.pos++];
      result |= BigInt(b & 0x7f) << shift;
      if (!(b & 0x80)) break;
      shift += 7n;
    }
    return result;
  }

  /** A varint as a signed 64-bit integer, in a Number. */
  int() {
    return Number(BigInt.asIntN(64, this.varint()));
  }

  bytes() {
    const len = Number(this.varint());
    const start = this.pos;
    this.pos += len;
    if (this.pos > this.end) throw new Error('truncated field');
    return this.buf.subarray(start, this.pos);
  }

  skip(wireType) {
    if (wireType === 0) this.varint();
    else if (wireType === 1) this.pos += 8;
    else if (wireType === 2) this.bytes();
    else if (wireType === 5) this.pos += 4;
    else throw new Error(`unsupported wire type ${wireType}`);
  }
}

/** Fields of a small well-known message, by number. */
function fieldsOf(buf) {
  const r = new Reader(buf);
  /** @type {Map<number, any[]>} */
  const out = new Map();
  while (r.pos < r.end) {
    const key = Number(r.varint());
    const num = key >>> 3;
    const wt = key & 7;
    let v;
    if (wt === 0) v = r.int();
    else if (wt === 2) v = r.bytes();
    else {
      r.skip(wt);
      continue;
    }
    if (!out.has(num)) out.set(num, []);
    out.get(num)?.push(v);
  }
  return out;
}

const first = (m, n) => m.get(n)?.[0];

function goDuration(ns) {
  if (!ns) return '0s';
  const s = ns / 1e9;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  return `${h ? `${h}h` : ''}${h || m ? `${m}m` : ''}${Number(sec.toFixed(9))}s`;
}

function special(kind, buf) {
  const f = fieldsOf(buf);
  switch (kind) {
    case 'time': {
      const seconds = first(f, 1) ?? 0;
      const nanos = first(f, 2) ?? 0;
      if (!seconds && !nanos) return null;
      return new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    }
    case 'quantity':
      return first(f, 1)?.toString('utf8') ?? '0';
    case 'intstr':
      return (first(f, 1) ?? 0) === 1 ? first(f, 3)?.toString('utf8') ?? '' : first(f, 2) ?? 0;
    case 'raw':
    case 'fieldsv1': {
      const raw = first(f, 1);
      if (!raw || !raw.length) return {};
      return JSON.parse(raw.toString('utf8'));
    }
    case 'duration':
      return goDuration(first(f, 1) ?? 0);
    default:
      throw new Error(`unknown special kind ${kind}`);
  }
}

function scalar(kind, r, wt) {
  switch (kind) {
    case 's':
      return r.bytes().toString('utf8');
    case 'y':
      return Buffer.from(r.bytes()).toString('base64');
    case 'b':
      return r.varint() !== 0n;
    case 'i':
      return r.int();
    case 'd': {
      const v = r.buf.readDoubleLE(r.pos);
      r.pos += 8;
      return v;
    }
    case 'f': {
      const v = r.buf.readFloatLE(r.pos);
      r.pos += 4;
      return v;
    }
    default:
      if (kind.startsWith('m:')) return decodeMessage(r.bytes(), kind.slice(2));
      if (wt !== 2) throw new Error(`unexpected wire type ${wt} for ${kind}`);
      return special(kind, r.bytes());
  }
}

const isZero = (v) => v === '' || v === 0 || v === false;

/**
 * Decode one message into its JSON form.
 * @param {Buffer} buf
 * @param {string} name  e.g. `apps.Deployment`
 */
export function decodeMessage(buf, name) {
  const table = schema.messages[name];
  if (!table) throw new Error(`no protobuf schema for ${name}`);
  const byNum = new Map(table.map((f) => [f[0], f]));
  const r = new Reader(buf);
  /** @type {Record<string, any>} */
  const out = {};
  while (r.pos < r.end) {
    const key = Number(r.varint());
    const num = key >>> 3;
    const wt = key & 7;
    const f = byNum.get(num);
    if (!f) {
      r.skip(wt);
      continue;
    }
    const [, json, kind, flags, mapKinds] = f;
    if (kind === 'map') {
      const entry = new Reader(r.bytes());
      let k = '';
      let v;
      while (entry.pos < entry.end) {
        const ek = Number(entry.varint());
        const en = ek >>> 3;
        if (en === 1) k = String(scalar(mapKinds[0], entry, ek & 7));
        else if (en === 2) v = scalar(mapKinds[1], entry, ek & 7);
        else entry.skip(ek & 7);
      }
      out[json] ??= {};
      out[json][k] = v ?? (mapKinds[1] === 's' || mapKinds[1] === 'y' ? '' : v);
      continue;
    }
    if (flags.includes('r')) {
      out[json] ??= [];
      // Packed repeated scalars (proto3 style) arrive as one length-delimited field.
      if (wt === 2 && (kind === 'i' || kind === 'b')) {
        const packed = new Reader(r.bytes());
        while (packed.pos < packed.end) out[json].push(kind === 'b' ? packed.varint() !== 0n : packed.int());
      } else {
        out[json].push(scalar(kind, r, wt));
      }
      continue;
    }
    const v = scalar(kind, r, wt);
    if (flags.includes('n') && v && typeof v === 'object') Object.assign(out, v);
    else out[json] = v;
  }
  // Non-pointer omitempty scalars are always on the wire; JSON leaves their zero values out.
  for (const [, json, kind, flags] of table) {
    if (json in out && !flags.includes('p') && flags.includes('o') && kind !== 'time' && isZero(out[json])) delete out[json];
  }
  return out;
}

export function isProtobuf(contentType) {
  return /^application\/vnd\.kubernetes\.protobuf/i.test(contentType ?? '');
}

/**
 * Decode a request body sent as Kubernetes protobuf (the `k8s\0` + runtime.Unknown envelope).
 * @param {Buffer} body
 */
export function decodeKubernetesProtobuf(body) {
  if (body.length < 4 || !body.subarray(0, 4).equals(MAGIC)) {
    throw new ApiError(400, 'BadRequest', 'provided object is not a Kubernetes protobuf message (missing k8s prefix)');
  }
  const unknown = fieldsOf(body.subarray(4));
  const typeMeta = fieldsOf(first(unknown, 1) ?? Buffer.alloc(0));
  const apiVersion = first(typeMeta, 1)?.toString('utf8') ?? '';
  const kind = first(typeMeta, 2)?.toString('utf8') ?? '';
  const message = schema.roots[kind];
  if (!message) {
    throw new ApiError(415, 'UnsupportedMediaType', `fake-kube cannot decode ${apiVersion} ${kind} from protobuf; send it as JSON (kubectl apply -f / create -f)`);
  }
  const obj = decodeMessage(first(unknown, 2) ?? Buffer.alloc(0), message);
  return { apiVersion, kind, ...obj };
}
