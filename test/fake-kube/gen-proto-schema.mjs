// Generates proto-schema.json, the field table protobuf.mjs decodes with. kubectl's typed
// clients (`kubectl create namespace`, `kubectl create deployment`, ...) send request bodies as
// Kubernetes protobuf; the table maps each message's field numbers to JSON names, taken from the
// struct tags in the upstream types.go files:
//   node test/fake-kube/gen-proto-schema.mjs --api <kubernetes/api git dir> \
//     --apimachinery <kubernetes/apimachinery git dir> [--rev HEAD] > test/fake-kube/proto-schema.json
import { execFileSync } from 'node:child_process';

const ROOTS = [
  'core.Namespace', 'core.Pod', 'core.Secret', 'core.ConfigMap', 'core.Service', 'core.ServiceAccount', 'core.Event',
  'apps.Deployment', 'apps.ReplicaSet', 'meta.DeleteOptions', 'authorization.SelfSubjectAccessReview',
];
const SCALARS = new Set(['string', 'int', 'int32', 'int64', 'uint32', 'uint64', 'bool', 'float64', 'float32', 'byte']);
const SPECIAL = { 'meta.Time': 'time', 'meta.MicroTime': 'time', 'meta.Duration': 'duration', 'meta.FieldsV1': 'fieldsv1', 'resource.Quantity': 'quantity', 'intstr.IntOrString': 'intstr', 'runtime.RawExtension': 'raw', 'types.UID': 's' };

function args() {
  const a = process.argv.slice(2);
  const get = (flag, dflt) => {
    const i = a.indexOf(flag);
    return i >= 0 ? a[i + 1] : dflt;
  };
  return { api: get('--api'), machinery: get('--apimachinery'), rev: get('--rev', 'HEAD') };
}

const show = (dir, rev, path) => execFileSync('git', ['-C', dir, 'show', `${rev}:${path}`], { encoding: 'utf8', maxBuffer: 64 << 20 });

/** Parse `type X struct {...}` blocks and `type X <underlying>` aliases of one Go file. */
function parseGo(text, pkg, structs, aliases) {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const alias = /^type (\w+) (string|int32|int64|bool|\[\]byte|map\[[\w.]+\][\w.]+|\[\][\w.]+)\s*$/.exec(lines[i]);
    if (alias) {
      aliases[`${pkg}.${alias[1]}`] = alias[2];
      continue;
    }
    const m = /^type (\w+) struct \{/.exec(lines[i]);
    if (!m) continue;
    const fields = [];
    for (i++; i < lines.length && !/^\}/.test(lines[i]); i++) {
      const line = lines[i].trim();
      if (line.startsWith('//')) continue;
      const f = /^(?:(\w+)\s+)?([*\w.[\]]+)\s+`json:"([^"]*)".*protobuf:"(\w+),(\d+),(opt|rep|req),name=(\w+)/.exec(line);
      if (!f) continue;
      const [, name, type, json, , num] = f;
      const [jsonName, ...opts] = json.split(',');
      fields.push({ goName: name ?? type, type, json: jsonName, omitempty: opts.includes('omitempty'), inline: jsonName === '' || opts.includes('inline'), num: Number(num) });
    }
    structs[`${pkg}.${m[1]}`] = fields;
  }
}

function qualify(type, pkg) {
  const t = type.replace(/^\*/, '');
  if (SCALARS.has(t)) return t;
  const dot = t.indexOf('.');
  if (dot < 0) return `${pkg}.${t}`;
  const prefix = t.slice(0, dot);
  const rest = t.slice(dot + 1);
  const map = { metav1: 'meta', v1: pkg === 'meta' ? 'meta' : 'core', corev1: 'core', resource: 'resource', intstr: 'intstr', runtime: 'runtime', types: 'types' };
  return `${map[prefix] ?? prefix}.${rest}`;
}

function main() {
  const { api, machinery, rev } = args();
  if (!api || !machinery) throw new Error('usage: --api <kubernetes/api git dir> --apimachinery <kubernetes/apimachinery git dir>');
  const structs = {};
  const aliases = {};
  parseGo(show(api, rev, 'core/v1/types.go'), 'core', structs, aliases);
  parseGo(show(api, rev, 'apps/v1/types.go'), 'apps', structs, aliases);
  parseGo(show(api, rev, 'authorization/v1/types.go'), 'authorization', structs, aliases);
  parseGo(show(machinery, rev, 'pkg/apis/meta/v1/types.go'), 'meta', structs, aliases);

  /** Resolve a Go type to a kind code, queueing referenced structs. */
  const messages = {};
  const queue = [...ROOTS];
  const kindOf = (type, pkg) => {
    let t = type.replace(/^\*/, '');
    let q = qualify(t, pkg);
    while (aliases[q]) {
      t = aliases[q];
      if (t.startsWith('map[') || t.startsWith('[]')) return { alias: t, pkg: q.split('.')[0] };
      q = qualify(t, q.split('.')[0]);
    }
    if (SPECIAL[q]) return { kind: SPECIAL[q] };
    if (q === '[]byte' || t === '[]byte') return { kind: 'y' };
    if (SCALARS.has(q)) {
      if (q === 'string') return { kind: 's' };
      if (q === 'bool') return { kind: 'b' };
      if (q.startsWith('float')) return { kind: q === 'float32' ? 'f' : 'd' };
      return { kind: 'i' };
    }
    if (!structs[q]) throw new Error(`unknown type ${type} (${q})`);
    if (!messages[q] && !queue.includes(q)) queue.push(q);
    return { kind: `m:${q}` };
  };
  const describe = (type, pkg) => {
    const ptr = type.startsWith('*');
    let t = type.replace(/^\*/, '');
    let repeated = false;
    let map;
    const expand = (tt) => {
      const mm = /^map\[([*\w.]+)\](.+)$/.exec(tt);
      if (mm) return { map: [kindOf(mm[1], pkg).kind, mm[2]] };
      if (tt.startsWith('[]') && tt !== '[]byte') return { repeated: tt.slice(2) };
      return {};
    };
    let e = expand(t);
    if (!e.map && !e.repeated) {
      const k = kindOf(t, pkg);
      if (k.alias) {
        pkg = k.pkg;
        e = expand(k.alias);
      } else return { kind: k.kind, ptr, repeated, map };
    }
    if (e.repeated) {
      repeated = true;
      t = e.repeated;
      const k = kindOf(t, pkg);
      return { kind: k.kind, ptr, repeated, map };
    }
    const key = e.map[0];
    const val = kindOf(e.map[1], pkg);
    map = [key, val.kind];
    return { kind: 'map', ptr, repeated, map };
  };
  while (queue.length) {
    const name = queue.shift();
    if (messages[name]) continue;
    const pkg = name.split('.')[0];
    messages[name] = structs[name].map((f) => {
      const d = describe(f.type, pkg);
      const flags = `${d.ptr ? 'p' : ''}${f.omitempty ? 'o' : ''}${d.repeated ? 'r' : ''}${f.inline ? 'n' : ''}`;
      const entry = [f.num, f.inline ? '' : f.json, d.kind, flags];
      if (d.map) entry.push(d.map);
      return entry;
    });
  }
  const commit = (dir) => execFileSync('git', ['-C', dir, 'rev-parse', rev], { encoding: 'utf8' }).trim();
  const out = {
    comment: 'Generated by gen-proto-schema.mjs from the struct tags of kubernetes/api core/v1, apps/v1, authorization/v1 and kubernetes/apimachinery meta/v1 types.go. Entries: [field number, JSON name ("" = inlined), kind, flags (p pointer, o omitempty, r repeated, n inline), map key/value kinds].',
    source: { 'kubernetes/api': commit(api), 'kubernetes/apimachinery': commit(machinery) },
    roots: Object.fromEntries(ROOTS.map((r) => [r.split('.')[1], r])),
    messages,
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

main();
