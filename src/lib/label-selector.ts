/**
 * Kubernetes label selectors (metav1.LabelSelector), with the semantics of
 * apimachinery's LabelSelectorAsSelector:
 * - `matchLabels` and `matchExpressions` are ANDed;
 * - `In` needs the key with one of the values, `NotIn` matches when the key is
 *   absent or its value is none of them, `Exists` / `DoesNotExist` look at the key only;
 * - an empty selector (`{}`) selects everything, a missing one (null) selects nothing;
 * - an invalid selector (unknown operator, `In` without values, `Exists` with
 *   values) is an error the API server would have refused: it selects nothing.
 * Service selectors are plain maps: `mapSelectorMatches`.
 */
export type Labels = Readonly<Record<string, string>>;

export interface LabelSelectorRequirement {
  key: string;
  operator: string;
  values?: string[] | null;
}

export interface LabelSelector {
  matchLabels?: Record<string, string> | null;
  matchExpressions?: LabelSelectorRequirement[] | null;
}

export type SelectorPredicate = (labels: Labels | undefined) => boolean;

/** Why a selector is not valid, or undefined when it is. */
export function selectorProblem(selector: unknown): string | undefined {
  if (selector === null || selector === undefined) return undefined;
  if (typeof selector !== 'object' || Array.isArray(selector)) return 'a selector is an object with matchLabels and/or matchExpressions';
  const s = selector as LabelSelector;
  if (s.matchLabels !== undefined && s.matchLabels !== null) {
    if (typeof s.matchLabels !== 'object' || Array.isArray(s.matchLabels)) return 'matchLabels is not a map';
    for (const [k, v] of Object.entries(s.matchLabels)) if (typeof v !== 'string') return `matchLabels.${k} is not a string`;
  }
  if (s.matchExpressions !== undefined && s.matchExpressions !== null) {
    if (!Array.isArray(s.matchExpressions)) return 'matchExpressions is not a list';
    for (const [i, r] of s.matchExpressions.entries()) {
      if (typeof r !== 'object' || r === null || typeof r.key !== 'string' || r.key === '') return `matchExpressions[${i}] has no key`;
      const values = r.values ?? [];
      if (!Array.isArray(values) || values.some((v) => typeof v !== 'string')) return `matchExpressions[${i}].values is not a list of strings`;
      switch (r.operator) {
        case 'In':
        case 'NotIn':
          if (values.length === 0) return `matchExpressions[${i}]: operator ${r.operator} needs at least one value`;
          break;
        case 'Exists':
        case 'DoesNotExist':
          if (values.length > 0) return `matchExpressions[${i}]: operator ${r.operator} takes no values`;
          break;
        default:
          return `matchExpressions[${i}]: '${String(r.operator)}' is not a valid operator (In, NotIn, Exists, DoesNotExist)`;
      }
    }
  }
  return undefined;
}

const NOTHING: SelectorPredicate = () => false;

/** Compiles a selector once, for matching many label sets. */
export function compileSelector(selector: LabelSelector | null | undefined): SelectorPredicate {
  if (selector === null || selector === undefined) return NOTHING;
  if (selectorProblem(selector) !== undefined) return NOTHING;
  const tests: Array<(l: Labels) => boolean> = [];
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) tests.push((l) => Object.hasOwn(l, key) && l[key] === value);
  for (const r of selector.matchExpressions ?? []) {
    const key = r.key;
    const values = new Set(r.values ?? []);
    switch (r.operator) {
      case 'In':
        tests.push((l) => Object.hasOwn(l, key) && values.has(l[key] as string));
        break;
      case 'NotIn':
        tests.push((l) => !Object.hasOwn(l, key) || !values.has(l[key] as string));
        break;
      case 'Exists':
        tests.push((l) => Object.hasOwn(l, key));
        break;
      default: // DoesNotExist (validated above)
        tests.push((l) => !Object.hasOwn(l, key));
    }
  }
  return (labels) => {
    const l = labels ?? {};
    for (const t of tests) if (!t(l)) return false;
    return true;
  };
}

export function selectorMatches(selector: LabelSelector | null | undefined, labels: Labels | undefined): boolean {
  return compileSelector(selector)(labels);
}

/**
 * A Service's `spec.selector` (a plain map): an empty or missing map selects no pods
 * (the Service has no managed endpoints), otherwise every pair must be present.
 */
export function mapSelectorMatches(selector: Record<string, string> | null | undefined, labels: Labels | undefined): boolean {
  if (!selector || Object.keys(selector).length === 0) return false;
  const l = labels ?? {};
  return Object.entries(selector).every(([k, v]) => Object.hasOwn(l, k) && l[k] === v);
}

/** The selector in kubectl's string form (`app=web,tier in (a,b),!legacy`), for messages. */
export function formatSelector(selector: LabelSelector | null | undefined): string {
  if (selector === null || selector === undefined) return '<none>';
  const parts = Object.entries(selector.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  for (const r of selector.matchExpressions ?? []) {
    const values = (r.values ?? []).slice().sort().join(',');
    if (r.operator === 'In') parts.push(`${r.key} in (${values})`);
    else if (r.operator === 'NotIn') parts.push(`${r.key} notin (${values})`);
    else if (r.operator === 'Exists') parts.push(r.key);
    else if (r.operator === 'DoesNotExist') parts.push(`!${r.key}`);
    else parts.push(`${r.key} ${String(r.operator)} (${values})`);
  }
  return parts.length === 0 ? '(everything)' : parts.join(',');
}
