// Label and field selectors: the query-string forms kubectl sends and the LabelSelector
// objects that Deployments and ReplicaSets carry.
import { badRequest } from './errors.mjs';
import { getPath, isObject } from './util.mjs';

/** Split on commas that are not inside `( )`. */
function splitTerms(s) {
  const out = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.map((t) => t.trim()).filter(Boolean);
}

/**
 * Parse `app=web,tier!=db,env in (a,b),!legacy` into a predicate over a labels map.
 * @param {string | null | undefined} text
 * @returns {(labels: Record<string, string> | undefined) => boolean}
 */
export function parseLabelSelector(text) {
  if (!text) return () => true;
  const tests = splitTerms(text).map((term) => {
    let m = /^!\s*([\w./-]+)$/.exec(term);
    if (m) {
      const key = m[1];
      return (l) => !(key in l);
    }
    m = /^([\w./-]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(term);
    if (m) {
      const [, key, op, list] = m;
      const values = list.split(',').map((v) => v.trim());
      return op === 'in' ? (l) => key in l && values.includes(l[key]) : (l) => !(key in l) || !values.includes(l[key]);
    }
    m = /^([\w./-]+)\s*(==|=|!=)\s*([\w.-]*)$/.exec(term);
    if (m) {
      const [, key, op, value] = m;
      return op === '!=' ? (l) => l[key] !== value : (l) => l[key] === value;
    }
    m = /^([\w./-]+)$/.exec(term);
    if (m) {
      const key = m[1];
      return (l) => key in l;
    }
    throw badRequest(`unable to parse requirement: found '${term}', expected: identifier`);
  });
  return (labels) => {
    const l = labels ?? {};
    return tests.every((t) => t(l));
  };
}

/**
 * Parse `metadata.name=x,status.phase!=Running` into a predicate over an object.
 * @param {string | null | undefined} text
 * @returns {(obj: Record<string, any>) => boolean}
 */
export function parseFieldSelector(text) {
  if (!text) return () => true;
  const tests = splitTerms(text).map((term) => {
    const m = /^([\w.]+)\s*(==|=|!=)\s*(.*)$/.exec(term);
    if (!m) throw badRequest(`invalid field selector: '${term}'`);
    const [, path, op, value] = m;
    const read = (obj) => {
      const v = getPath(obj, path);
      return v === undefined || v === null ? '' : String(v);
    };
    return op === '!=' ? (o) => read(o) !== value : (o) => read(o) === value;
  });
  return (obj) => tests.every((t) => t(obj));
}

/**
 * Evaluate a metav1.LabelSelector (matchLabels + matchExpressions) against labels.
 * An empty selector matches everything, a missing one nothing (as in the controllers).
 */
export function matchesLabelSelector(selector, labels) {
  if (!isObject(selector)) return false;
  const l = labels ?? {};
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) {
    if (l[k] !== v) return false;
  }
  for (const e of selector.matchExpressions ?? []) {
    const has = e.key in l;
    const values = e.values ?? [];
    switch (e.operator) {
      case 'In':
        if (!has || !values.includes(l[e.key])) return false;
        break;
      case 'NotIn':
        if (has && values.includes(l[e.key])) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

/** metav1.FormatLabelSelector: the `app=web,env in (a)` text kubectl and tables print. */
export function formatLabelSelector(selector) {
  if (!isObject(selector)) return '<none>';
  const parts = Object.keys(selector.matchLabels ?? {})
    .sort()
    .map((k) => `${k}=${selector.matchLabels[k]}`);
  for (const e of selector.matchExpressions ?? []) {
    const values = (e.values ?? []).join(',');
    if (e.operator === 'In') parts.push(`${e.key} in (${values})`);
    else if (e.operator === 'NotIn') parts.push(`${e.key} notin (${values})`);
    else if (e.operator === 'Exists') parts.push(e.key);
    else if (e.operator === 'DoesNotExist') parts.push(`!${e.key}`);
  }
  return parts.length ? parts.join(',') : '<none>';
}
