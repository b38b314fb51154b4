// metav1.Status answers, worded as k8s.io/apimachinery/pkg/api/errors words them.

const REASONS = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  406: 'NotAcceptable',
  409: 'Conflict',
  410: 'Expired',
  415: 'UnsupportedMediaType',
  422: 'Invalid',
  429: 'TooManyRequests',
  500: 'InternalError',
  503: 'ServiceUnavailable',
  504: 'Timeout',
};

export class ApiError extends Error {
  /**
   * @param {number} code
   * @param {string} reason
   * @param {string} message
   * @param {Record<string, unknown>} [details]
   */
  constructor(code, reason, message, details) {
    super(message);
    this.code = code;
    this.reason = reason;
    this.details = details;
  }

  toStatus() {
    return statusObject(this.code, this.reason, this.message, this.details);
  }
}

export function statusObject(code, reason, message, details) {
  /** @type {Record<string, unknown>} */
  const s = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason };
  if (details && Object.keys(details).length) s.details = details;
  s.code = code;
  return s;
}

export function reasonFor(code) {
  return REASONS[code] ?? (code >= 500 ? 'InternalError' : 'BadRequest');
}

/** `deployments.apps`, `pods` (core has no group suffix). */
export function qualified(res) {
  return res.group ? `${res.resource}.${res.group}` : res.resource;
}

function details(res, name) {
  /** @type {Record<string, unknown>} */
  const d = {};
  if (name) d.name = name;
  if (res.group) d.group = res.group;
  d.kind = res.resource;
  return d;
}

export const notFound = (res, name) =>
  new ApiError(404, 'NotFound', `${qualified(res)} "${name}" not found`, details(res, name));

export const alreadyExists = (res, name) =>
  new ApiError(409, 'AlreadyExists', `${qualified(res)} "${name}" already exists`, details(res, name));

export const conflict = (res, name) =>
  new ApiError(
    409,
    'Conflict',
    `Operation cannot be fulfilled on ${qualified(res)} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
    details(res, name),
  );

export const badRequest = (message) => new ApiError(400, 'BadRequest', message);

export const methodNotAllowed = () =>
  new ApiError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');

export const notFoundPath = () =>
  new ApiError(404, 'NotFound', 'the server could not find the requested resource');

export const unsupportedMediaType = (ct, accepted) =>
  new ApiError(
    415,
    'UnsupportedMediaType',
    `the body of the request was in an unknown format - accepted media types include: ${accepted.join(', ')}`,
  );

/**
 * 422 Invalid, as field.ErrorList.ToAggregate() renders into the message.
 * @param {{ kind: string, group: string }} res
 * @param {string} name
 * @param {{ field: string, type: string, detail: string }[]} causes
 */
export function invalid(res, name, causes) {
  const qualifiedKind = res.group ? `${res.kind}.${res.group}` : res.kind;
  const texts = causes.map((c) => `${c.field}: ${c.detail}`);
  const joined = texts.length === 1 ? texts[0] : `[${texts.join(', ')}]`;
  const d = { name, ...(res.group ? { group: res.group } : {}), kind: res.kind };
  return new ApiError(422, 'Invalid', `${qualifiedKind} "${name}" is invalid: ${joined}`, {
    ...d,
    causes: causes.map((c) => ({ reason: c.type, message: c.detail, field: c.field })),
  });
}
