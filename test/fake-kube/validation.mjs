// The validation errors (422 Invalid) a real API server gives for the mistakes a deploy tool or
// a test can make with Deployments and pods; worded as pkg/apis/apps/validation words them.
import { invalid } from './errors.mjs';
import { matchesLabelSelector } from './selectors.mjs';
import { deepEqual, isObject } from './util.mjs';

const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** Go's %#v of a map[string]string. */
const goMap = (m) => `map[string]string{${Object.keys(m ?? {}).sort().map((k) => `${JSON.stringify(k)}:${JSON.stringify(m[k])}`).join(', ')}}`;

const goSelector = (s) => {
  const exprs = s?.matchExpressions?.length ? `[]v1.LabelSelectorRequirement{...}` : '[]v1.LabelSelectorRequirement(nil)';
  const labels = s?.matchLabels ? goMap(s.matchLabels) : 'map[string]string(nil)';
  return `v1.LabelSelector{MatchLabels:${labels}, MatchExpressions:${exprs}}`;
};

function validateName(name, errs) {
  if (!name) {
    errs.push({ field: 'metadata.name', type: 'FieldValueRequired', detail: 'Required value: name or generateName is required' });
  } else if (name.length > 253 || !DNS1123_SUBDOMAIN.test(name)) {
    errs.push({
      field: 'metadata.name',
      type: 'FieldValueInvalid',
      detail: `Invalid value: "${name}": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
    });
  }
}

function validateContainers(spec, path, errs) {
  const containers = spec?.containers;
  if (!Array.isArray(containers) || containers.length === 0) {
    errs.push({ field: `${path}.containers`, type: 'FieldValueRequired', detail: 'Required value' });
    return;
  }
  const seen = new Set();
  containers.forEach((c, i) => {
    const p = `${path}.containers[${i}]`;
    if (!isObject(c)) return;
    if (!c.name) errs.push({ field: `${p}.name`, type: 'FieldValueRequired', detail: 'Required value' });
    else if (!DNS1123_LABEL.test(c.name)) {
      errs.push({ field: `${p}.name`, type: 'FieldValueInvalid', detail: `Invalid value: "${c.name}": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')` });
    } else if (seen.has(c.name)) errs.push({ field: `${p}.name`, type: 'FieldValueDuplicate', detail: `Duplicate value: "${c.name}"` });
    seen.add(c.name);
    if (!c.image) errs.push({ field: `${p}.image`, type: 'FieldValueRequired', detail: 'Required value' });
    else if (c.image !== c.image.trim()) errs.push({ field: `${p}.image`, type: 'FieldValueInvalid', detail: 'Invalid value: " ": must not have leading or trailing whitespace' });
  });
  if (spec.restartPolicy && path.includes('template') && spec.restartPolicy !== 'Always') {
    errs.push({ field: `${path}.restartPolicy`, type: 'FieldValueNotSupported', detail: `Unsupported value: "${spec.restartPolicy}": supported values: "Always"` });
  }
}

function validateWorkload(obj, old, errs) {
  const spec = obj.spec;
  if (!isObject(spec)) {
    errs.push({ field: 'spec', type: 'FieldValueRequired', detail: 'Required value' });
    return;
  }
  const sel = spec.selector;
  if (!isObject(sel)) {
    errs.push({ field: 'spec.selector', type: 'FieldValueRequired', detail: 'Required value' });
  } else if (!Object.keys(sel.matchLabels ?? {}).length && !(sel.matchExpressions ?? []).length) {
    errs.push({ field: 'spec.selector', type: 'FieldValueInvalid', detail: `Invalid value: ${goSelector(sel)}: empty selector is invalid for deployment` });
  } else if (!matchesLabelSelector(sel, spec.template?.metadata?.labels)) {
    errs.push({ field: 'spec.template.metadata.labels', type: 'FieldValueInvalid', detail: `Invalid value: ${goMap(spec.template?.metadata?.labels)}: \`selector\` does not match template \`labels\`` });
  }
  if (typeof spec.replicas === 'number' && spec.replicas < 0) {
    errs.push({ field: 'spec.replicas', type: 'FieldValueInvalid', detail: `Invalid value: ${spec.replicas}: must be greater than or equal to 0` });
  }
  validateContainers(spec.template?.spec, 'spec.template.spec', errs);
  if (obj.kind === 'Deployment') {
    const type = spec.strategy?.type;
    if (type && type !== 'RollingUpdate' && type !== 'Recreate') {
      errs.push({ field: 'spec.strategy.type', type: 'FieldValueNotSupported', detail: `Unsupported value: "${type}": supported values: "Recreate", "RollingUpdate"` });
    }
    if (type === 'Recreate' && spec.strategy.rollingUpdate) {
      errs.push({ field: 'spec.strategy.rollingUpdate', type: 'FieldValueForbidden', detail: 'Forbidden: may not be specified when strategy `type` is \'Recreate\'' });
    }
    const pds = spec.progressDeadlineSeconds;
    if (typeof pds === 'number' && pds <= (spec.minReadySeconds ?? 0)) {
      errs.push({ field: 'spec.progressDeadlineSeconds', type: 'FieldValueInvalid', detail: `Invalid value: ${pds}: must be greater than minReadySeconds` });
    }
  }
  if (old && !deepEqual(old.spec?.selector, spec.selector)) {
    errs.push({ field: 'spec.selector', type: 'FieldValueInvalid', detail: `Invalid value: ${goSelector(spec.selector)}: field is immutable` });
  }
}

/**
 * Throws a 422 ApiError when the object is invalid.
 * @param {import('./resources.mjs').ResourceType} res
 * @param {Record<string, any>} obj
 * @param {Record<string, any>} [old] the stored object, on update
 */
export function validate(res, obj, old) {
  /** @type {{ field: string, type: string, detail: string }[]} */
  const errs = [];
  if (!old) validateName(obj.metadata?.name, errs);
  if (res.resource === 'deployments' || res.resource === 'replicasets') validateWorkload(obj, old, errs);
  if (res.resource === 'pods') validateContainers(obj.spec, 'spec', errs);
  if (errs.length) throw invalid(res, obj.metadata?.name ?? '', errs);
}
