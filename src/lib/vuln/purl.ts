/**
 * Package URLs (github.com/package-url/purl-spec) as far as ignore entries use
 * them: `pkg:type/namespace/name@version?qualifiers#subpath`, matched the way
 * Trivy's purl.Match does (pkg/purl/purl.go): type, namespace and name equal;
 * version and subpath only when the entry gives them; every qualifier of the
 * entry present with the same value in the finding's PURL. Both sides are
 * normalised first as packageurl-go (v0.1.6, Trivy's) does in FromString: the
 * type lower-cased, and per type the namespace and name (pkg:pypi/SetupTools
 * is pkg:pypi/setuptools; a PyPI `_` is `-`).
 */
export interface Purl {
  type: string;
  namespace: string;
  name: string;
  version: string;
  qualifiers: Map<string, string>;
  subpath: string;
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Parses a PURL; returns an explanation instead of throwing. */
export function parsePurl(text: string): Purl | string {
  if (text.slice(0, 4).toLowerCase() !== 'pkg:') return 'a package URL starts with pkg:';
  let rest = text.slice(4).replace(/^\/+/, '');
  let subpath = '';
  const hash = rest.indexOf('#');
  if (hash >= 0) {
    subpath = rest.slice(hash + 1).split('/').filter((s) => s !== '' && s !== '.' && s !== '..').map(decode).join('/');
    rest = rest.slice(0, hash);
  }
  const qualifiers = new Map<string, string>();
  const q = rest.indexOf('?');
  if (q >= 0) {
    for (const pair of rest.slice(q + 1).split('&')) {
      if (pair === '') continue;
      const eq = pair.indexOf('=');
      if (eq <= 0) return `qualifier '${pair}' is not key=value`;
      const value = decode(pair.slice(eq + 1));
      if (value !== '') qualifiers.set(pair.slice(0, eq).toLowerCase(), value);
    }
    rest = rest.slice(0, q);
  }
  rest = rest.replace(/\/+$/, '');
  let version = '';
  const at = rest.lastIndexOf('@');
  if (at > rest.lastIndexOf('/')) {
    version = decode(rest.slice(at + 1));
    rest = rest.slice(0, at);
  }
  const parts = rest.split('/');
  const type = (parts.shift() ?? '').toLowerCase();
  if (!/^[a-z.+-][a-z0-9.+-]*$/.test(type)) return `'${type}' is not a package type`;
  const name = decode(parts.pop() ?? '');
  if (name === '') return 'it has no package name';
  const namespace = parts.filter((s) => s !== '').map(decode).join('/');
  return {
    type,
    namespace: LOWER_NAMESPACE.has(type) ? namespace.toLowerCase() : namespace,
    name: adjustName(type, name, qualifiers),
    version: type === 'huggingface' ? version.toLowerCase() : version,
    qualifiers,
    subpath,
  };
}

// packageurl-go typeAdjustNamespace / typeAdjustName / typeAdjustVersion.
const LOWER_NAMESPACE = new Set(['alpm', 'apk', 'bitbucket', 'composer', 'deb', 'github', 'golang', 'rpm', 'qpkg']);
const LOWER_NAME = new Set(['alpm', 'apk', 'bitbucket', 'bitnami', 'chrome-extension', 'composer', 'deb', 'github', 'golang']);

function adjustName(type: string, name: string, qualifiers: Map<string, string>): string {
  if (LOWER_NAME.has(type)) return name.toLowerCase();
  if (type === 'pypi') return name.replace(/_/g, '-').toLowerCase();
  if (type === 'mlflow' && (qualifiers.get('repository_url') ?? '').includes('databricks')) return name.toLowerCase();
  return name;
}

/** Does the entry's PURL `pattern` match the finding's `target`? */
export function purlMatches(pattern: Purl, target: Purl): boolean {
  if (pattern.type !== target.type || pattern.namespace !== target.namespace || pattern.name !== target.name) return false;
  if (pattern.version !== '' && pattern.version !== target.version) return false;
  if (pattern.subpath !== '' && pattern.subpath !== target.subpath) return false;
  for (const [k, v] of pattern.qualifiers) if (target.qualifiers.get(k) !== v) return false;
  return true;
}
