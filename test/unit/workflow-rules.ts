/**
 * Hygiene rules for the suite's workflows, action metadata and Dependabot
 * config, as pure functions over file text. Used by workflows.test.ts (on the
 * real files, and on copies broken one rule at a time) and, through that test,
 * by release.yml (RELEASE_TAG) as the release gate.
 */
import { parse } from 'yaml';

export const OWN_ACTIONS = ['build-sign', 'scan', 'seal-secrets', 'deploy', 'preflight', 'admission-policy'] as const;

/** Where the suite lives and which ref its reusable workflows must name its actions at. */
export interface SuiteContext {
  /** owner/repo, e.g. secure-delivery/suite */
  repo: string;
  /** e.g. v1 */
  ref: string;
  /**
   * A workflow in a user's repository (a snippet of the docs, an example):
   * the suite's actions and workflows are named ${repo}/...@${ref}.
   */
  external?: boolean;
}

export type RuleId =
  | 'yaml'
  | 'top-permissions'
  | 'job-permissions'
  | 'broad-permissions'
  | 'id-token'
  | 'id-token-missing'
  | 'security-events'
  | 'security-events-missing'
  | 'deployments'
  | 'deployments-missing'
  | 'write-scope'
  | 'checkout-contents'
  | 'pinned-sha'
  | 'pin-comment'
  | 'docker-digest'
  | 'own-action-ref'
  | 'own-action-local'
  | 'expression-in-run'
  | 'checkout-credentials'
  | 'timeout'
  | 'deploy-environment'
  | 'deploy-concurrency'
  | 'concurrency-queue'
  | 'actions-read-missing'
  | 'contents-read'
  | 'actionlint'
  | 'workflow-parser'
  | 'unknown-input'
  | 'missing-input'
  | 'unknown-output';

export interface Finding {
  rule: RuleId | ActionRuleId | DependabotRuleId;
  where: string;
  message: string;
}

type Dict = Record<string, unknown>;

function isDict(v: unknown): v is Dict {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function asDict(v: unknown): Dict {
  return isDict(v) ? v : {};
}

function asString(v: unknown): string | undefined {
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
}

function triggers(wf: Dict): string[] {
  const on = wf['on'];
  if (typeof on === 'string') return [on];
  if (Array.isArray(on)) return on.filter((x): x is string => typeof x === 'string');
  return Object.keys(asDict(on));
}

/** A workflow another repository can call: its ./ paths would resolve in the caller's checkout. */
export function isReusable(wf: Dict): boolean {
  return triggers(wf).includes('workflow_call');
}

interface OwnActionUse {
  name: string;
  /** undefined for a ./actions/<name> or $/actions/<name> path */
  ref: string | undefined;
  /** ./actions/<name>: the checkout of the workflow that runs */
  local: boolean;
  /** $/actions/<name>: this repository at the commit of the running workflow file */
  self: boolean;
}

export function ownActionUse(uses: string, suite: SuiteContext): OwnActionUse | undefined {
  const local = /^\.\/actions\/([a-z0-9-]+)\/?$/.exec(uses);
  if (local?.[1] !== undefined) return { name: local[1], ref: undefined, local: true, self: false };
  const self = /^\$\/actions\/([a-z0-9-]+)\/?$/.exec(uses);
  if (self?.[1] !== undefined) return { name: self[1], ref: undefined, local: false, self: true };
  const prefix = `${suite.repo}/actions/`;
  if (uses.toLowerCase().startsWith(prefix.toLowerCase())) {
    const rest = uses.slice(prefix.length);
    const at = rest.indexOf('@');
    return { name: at < 0 ? rest : rest.slice(0, at), ref: at < 0 ? '' : rest.slice(at + 1), local: false, self: false };
  }
  return undefined;
}

/** Every suite-action reference in a workflow, for the release gate. */
export function ownActionRefs(text: string, suite: SuiteContext): { uses: string; name: string; ref: string | undefined }[] {
  const wf = asDict(parse(text));
  const out: { uses: string; name: string; ref: string | undefined }[] = [];
  for (const job of Object.values(asDict(wf['jobs']))) {
    for (const step of steps(asDict(job))) {
      const uses = asString(step['uses']);
      const own = uses === undefined ? undefined : ownActionUse(uses, suite);
      if (uses !== undefined && own) out.push({ uses, name: own.name, ref: own.ref });
    }
  }
  return out;
}

function steps(job: Dict): Dict[] {
  const s = job['steps'];
  return Array.isArray(s) ? s.map(asDict) : [];
}

function withOf(step: Dict): Dict {
  return asDict(step['with']);
}

/** An input value that may be empty at run time: absent, empty, or computed by an expression. */
function maybeEmpty(v: unknown): boolean {
  const s = asString(v);
  return s === undefined || s.trim() === '' || s.includes('${{');
}

function isFalse(v: unknown): boolean {
  return v === false || asString(v)?.trim() === 'false';
}

interface JobNeeds {
  idToken: string | undefined;
  securityEvents: string | undefined;
  actionsRead: string | undefined;
  contentsRead: string | undefined;
  deployments: string | undefined;
  contentsWrite: string | undefined;
  packagesWrite: string | undefined;
  checkout: boolean;
}

/** What a job does that needs a permission, with the reason (undefined: not needed). */
function jobNeeds(job: Dict, suite: SuiteContext): JobNeeds {
  const needs: JobNeeds = {
    idToken: undefined,
    securityEvents: undefined,
    actionsRead: undefined,
    contentsRead: undefined,
    deployments: undefined,
    contentsWrite: undefined,
    packagesWrite: undefined,
    checkout: false,
  };
  const called = asString(job['uses']);
  if (called !== undefined && called.toLowerCase().startsWith(`${suite.repo}/.github/workflows/`.toLowerCase())) {
    // The caller grants what the called jobs need (a called workflow can only lower permissions).
    if (/secure-delivery\.ya?ml@/.test(called)) {
      needs.idToken = 'secure-delivery.yml signs keylessly';
      needs.securityEvents = 'secure-delivery.yml uploads SARIF';
      needs.actionsRead = 'secure-delivery.yml uploads SARIF (code scanning reads the run on a private repository)';
      needs.contentsRead = 'secure-delivery.yml checks out the caller repository and compares commits';
      needs.packagesWrite = 'secure-delivery.yml pushes the image and its signature';
    }
  }
  for (const step of steps(job)) {
    const uses = asString(step['uses']) ?? '';
    const w = withOf(step);
    const own = ownActionUse(uses, suite);
    if (own?.name === 'build-sign' && !isFalse(w['sign']) && !isFalse(w['push']) && maybeEmpty(w['cosign-key'])) {
      needs.idToken = 'build-sign signs keylessly (GitHub OIDC) when cosign-key is empty';
    }
    if (own?.name === 'build-sign' && !isFalse(w['push'])) needs.packagesWrite = 'build-sign pushes the image (and cosign its signature)';
    if (own?.name === 'scan' && !isFalse(w['attest']) && w['attest'] !== undefined) {
      needs.idToken = 'scan attests with cosign (keyless)';
      needs.packagesWrite = 'scan pushes its attestations next to the image';
    }
    if (own?.name === 'deploy' && !maybeEmptyLiteral(w['github-token'])) {
      // With an environment it records a GitHub deployment; without, the token only reads (the compare API).
      if (!maybeEmptyLiteral(w['environment'])) needs.deployments = 'deploy records a GitHub deployment (github-token and environment)';
      needs.contentsRead = 'deploy compares the commit with the one live (github-token, compare API)';
    }
    if (uses.startsWith('github/codeql-action/upload-sarif@')) {
      needs.securityEvents = 'SARIF upload';
      needs.actionsRead = 'SARIF upload (on a private repository code scanning reads the workflow run)';
    }
    if (uses.startsWith('actions/checkout@')) needs.checkout = true;
    const run = asString(step['run']) ?? '';
    if (/\bcosign\s+(sign|attest)\b/.test(run) && !/--key\b/.test(run)) needs.idToken = 'cosign signs keylessly in a run step';
    if (/\bgh\s+release\s+(create|edit|upload|delete)\b|\/git\/refs\b|\bgit\s+push\b/.test(run)) needs.contentsWrite = 'creates a release or moves tags';
  }
  return needs;
}

/** For github-token: only an absent or literally empty value means "not given". */
function maybeEmptyLiteral(v: unknown): boolean {
  const s = asString(v);
  return s === undefined || s.trim() === '';
}

/** Scopes a job may write, each justified by what the job does. */
const JUSTIFIED_WRITES: Record<string, keyof JobNeeds> = {
  'id-token': 'idToken',
  'security-events': 'securityEvents',
  deployments: 'deployments',
  contents: 'contentsWrite',
  packages: 'packagesWrite',
};

function checkPermissions(wf: Dict, jobs: Dict, suite: SuiteContext): Finding[] {
  const out: Finding[] = [];
  if (!('permissions' in wf)) {
    out.push({ rule: 'top-permissions', where: 'permissions', message: 'no top-level permissions: the default token may be read-write; set permissions: {} (or contents: read)' });
  } else {
    const top = wf['permissions'];
    const keys = Object.keys(asDict(top));
    const ok = isDict(top) && (keys.length === 0 || (keys.length === 1 && top['contents'] === 'read'));
    if (!ok) out.push({ rule: 'top-permissions', where: 'permissions', message: `top-level permissions must be {} or { contents: read }, got ${JSON.stringify(top)}` });
  }
  for (const [id, raw] of Object.entries(jobs)) {
    const job = asDict(raw);
    const where = `jobs.${id}`;
    if (!('permissions' in job)) {
      out.push({ rule: 'job-permissions', where, message: 'no explicit permissions on the job' });
      continue;
    }
    const perms = job['permissions'];
    if (typeof perms === 'string') {
      out.push({ rule: 'broad-permissions', where, message: `permissions: ${perms} grants every scope; list the scopes the job needs` });
      continue;
    }
    const p = asDict(perms);
    const needs = jobNeeds(job, suite);
    for (const [scope, level] of Object.entries(p)) {
      if (level !== 'write') continue;
      const need = JUSTIFIED_WRITES[scope];
      const why = need === undefined ? undefined : needs[need];
      if (typeof why === 'string') continue;
      const rule: RuleId = scope === 'id-token' ? 'id-token' : scope === 'security-events' ? 'security-events' : scope === 'deployments' ? 'deployments' : 'write-scope';
      out.push({ rule, where: `${where}.permissions.${scope}`, message: `${scope}: write but nothing in the job needs it` });
    }
    if (needs.idToken !== undefined && p['id-token'] !== 'write') out.push({ rule: 'id-token-missing', where, message: `needs id-token: write: ${needs.idToken}` });
    if (needs.securityEvents !== undefined && p['security-events'] !== 'write') out.push({ rule: 'security-events-missing', where, message: `needs security-events: write: ${needs.securityEvents}` });
    if (needs.deployments !== undefined && p['deployments'] !== 'write') out.push({ rule: 'deployments-missing', where, message: `needs deployments: write: ${needs.deployments}` });
    if (needs.checkout && p['contents'] !== 'read' && p['contents'] !== 'write') out.push({ rule: 'checkout-contents', where, message: 'actions/checkout needs contents: read' });
    else if (needs.contentsRead !== undefined && p['contents'] !== 'read' && p['contents'] !== 'write') out.push({ rule: 'contents-read', where, message: `needs contents: read: ${needs.contentsRead}` });
    if (needs.actionsRead !== undefined && p['actions'] !== 'read' && p['actions'] !== 'write') out.push({ rule: 'actions-read-missing', where, message: `needs actions: read: ${needs.actionsRead}` });
  }
  return out;
}

/** `uses:` values on their source lines, with the comment that follows each. */
function usesComments(text: string): Map<string, (string | undefined)[]> {
  const map = new Map<string, (string | undefined)[]>();
  for (const line of text.split('\n')) {
    const m = /^\s*(?:-\s+)?uses:\s*['"]?([^'"\s#]+)['"]?\s*(?:#\s*(.*))?$/.exec(line);
    if (!m?.[1]) continue;
    const list = map.get(m[1]) ?? [];
    list.push(m[2]?.trim());
    map.set(m[1], list);
  }
  return map;
}

function checkUses(text: string, wf: Dict, jobs: Dict, suite: SuiteContext): Finding[] {
  const out: Finding[] = [];
  const comments = usesComments(text);
  const reusable = isReusable(wf);
  const all: { where: string; uses: string }[] = [];
  for (const [id, raw] of Object.entries(jobs)) {
    const job = asDict(raw);
    const called = asString(job['uses']);
    if (called !== undefined) all.push({ where: `jobs.${id}.uses`, uses: called });
    steps(job).forEach((step, i) => {
      const uses = asString(step['uses']);
      if (uses !== undefined) all.push({ where: `jobs.${id}.steps[${i}]`, uses });
    });
  }
  for (const { where, uses } of all) {
    const own = ownActionUse(uses, suite);
    if (own) {
      if (!(OWN_ACTIONS as readonly string[]).includes(own.name)) {
        out.push({ rule: 'own-action-ref', where, message: `${uses}: no suite action named ${own.name}` });
      } else if (suite.external) {
        if (own.local || own.self || own.ref !== suite.ref) out.push({ rule: 'own-action-ref', where, message: `${uses}: a user's workflow names the suite's actions ${suite.repo}/actions/${own.name}@${suite.ref}` });
      } else if (reusable && !own.self) {
        out.push({
          rule: 'own-action-ref',
          where,
          message: `${uses}: a reusable workflow runs the suite's actions of its own commit, $/actions/${own.name} (a ./ path resolves in the caller's checkout; an @ref may name another commit than the caller pinned)`,
        });
      } else if (!reusable && !own.local && !own.self) {
        out.push({ rule: 'own-action-local', where, message: `${uses}: this workflow runs in the suite's own checkout and must test its actions, ./actions/${own.name}` });
      }
      continue;
    }
    if (uses.startsWith('$/')) continue;
    if (uses.startsWith('./')) continue;
    if (uses.startsWith('docker://')) {
      if (!/@sha256:[0-9a-f]{64}$/.test(uses)) out.push({ rule: 'docker-digest', where, message: `${uses}: docker image not pinned by digest` });
      continue;
    }
    if (uses.toLowerCase().startsWith(`${suite.repo}/.github/workflows/`.toLowerCase())) {
      if (!uses.endsWith(`@${suite.ref}`) && !/@[0-9a-f]{40}$/.test(uses)) out.push({ rule: 'own-action-ref', where, message: `${uses}: suite workflows are called at ${suite.ref} (or a full commit SHA)` });
      continue;
    }
    const at = uses.lastIndexOf('@');
    const ref = at < 0 ? '' : uses.slice(at + 1);
    if (!/^[0-9a-f]{40}$/.test(ref)) {
      out.push({ rule: 'pinned-sha', where, message: `${uses}: third-party action not pinned to a full 40-hex commit SHA (tags can be moved: see the 2026-03-19 trivy-action tag hijack)` });
      continue;
    }
    const notes = comments.get(uses) ?? [undefined];
    if (notes.some((c) => c === undefined || !/^v\d+\.\d+\.\d+\b/.test(c))) {
      out.push({ rule: 'pin-comment', where, message: `${uses}: the SHA pin needs a "# vX.Y.Z" comment naming the release it is` });
    }
  }
  return out;
}

function checkSteps(wf: Dict, jobs: Dict, suite: SuiteContext): Finding[] {
  const out: Finding[] = [];
  const reusable = isReusable(wf);
  for (const [id, raw] of Object.entries(jobs)) {
    const job = asDict(raw);
    const where = `jobs.${id}`;
    if (job['steps'] !== undefined && job['timeout-minutes'] === undefined) {
      out.push({ rule: 'timeout', where, message: 'no timeout-minutes: a hung step holds the runner (and the environment lock) for 6 hours' });
    }
    let deploys = false;
    steps(job).forEach((step, i) => {
      const sw = `${where}.steps[${i}]`;
      const run = asString(step['run']);
      if (run !== undefined) {
        const exprs = run.match(/\$\{\{[^}]*\}\}/g);
        if (exprs) out.push({ rule: 'expression-in-run', where: sw, message: `expression inside run: ${exprs.join(', ')}; pass values through env: (script injection)` });
      }
      const uses = asString(step['uses']) ?? '';
      if (uses.startsWith('actions/checkout@') && !isFalse(withOf(step)['persist-credentials'])) {
        out.push({ rule: 'checkout-credentials', where: sw, message: 'actions/checkout without persist-credentials: false leaves the token in .git/config for every later step' });
      }
      if (ownActionUse(uses, suite)?.name === 'deploy') deploys = true;
    });
    if (reusable && deploys) {
      const env = job['environment'];
      const envName = isDict(env) ? asString(env['name']) : asString(env);
      if (envName !== '${{ inputs.environment }}') {
        out.push({ rule: 'deploy-environment', where, message: 'a deploying job must run in environment ${{ inputs.environment }} so its protection rules apply' });
      }
      const c = asDict(job['concurrency']);
      if (c['group'] !== DEPLOY_LOCK || c['cancel-in-progress'] !== false || c['queue'] !== 'max') {
        out.push({
          rule: 'deploy-concurrency',
          where,
          message: `a deploying job needs concurrency { group: ${DEPLOY_LOCK}, cancel-in-progress: false, queue: max }: one rollout per environment, namespace and deployments, never cancelled, and nothing pending replaced`,
        });
      }
    }
  }
  for (const [where, raw] of [['concurrency', wf['concurrency']] as const, ...Object.entries(jobs).map(([id, j]) => [`jobs.${id}.concurrency`, asDict(j)['concurrency']] as const)]) {
    if (!isDict(raw) || raw['queue'] === undefined) continue;
    if (raw['queue'] !== 'single' && raw['queue'] !== 'max') out.push({ rule: 'concurrency-queue', where, message: `queue must be single or max, got ${JSON.stringify(raw['queue'])}` });
    else if (raw['queue'] === 'max' && raw['cancel-in-progress'] !== undefined && raw['cancel-in-progress'] !== false) {
      out.push({ rule: 'concurrency-queue', where, message: 'queue: max cannot be combined with cancel-in-progress (GitHub refuses the workflow)' });
    }
  }
  return out;
}

/**
 * The lock a rollout holds, shared by secure-delivery.yml and rollback.yml:
 * environment, namespace and the deployments (sorted, de-duplicated, so the
 * same set spelt in another order or with a trailing newline is the same lock),
 * worked out by each workflow's plan job.
 */
export const DEPLOY_LOCK = 'secure-delivery-${{ inputs.environment }}-${{ inputs.namespace }}-${{ needs.plan.outputs.lock }}';

/** Every rule of ours (GitHub's parser and actionlint: workflow-lint.ts). */
export function checkWorkflow(text: string, suite: SuiteContext): Finding[] {
  let wf: Dict;
  try {
    wf = asDict(parse(text));
  } catch (e) {
    return [{ rule: 'yaml', where: '', message: `not valid YAML: ${e instanceof Error ? e.message : String(e)}` }];
  }
  const jobs = asDict(wf['jobs']);
  return [...checkPermissions(wf, jobs, suite), ...checkUses(text, wf, jobs, suite), ...checkSteps(wf, jobs, suite)];
}

// ---- workflows against the actions' own interface -----------------------------

export interface ActionInterface {
  inputs: Record<string, { required: boolean }>;
  outputs: string[];
}

/** Inputs (required = required: true without a default) and outputs of an action.yml. */
export function actionInterface(actionYml: string): ActionInterface {
  const a = asDict(parse(actionYml));
  const inputs: Record<string, { required: boolean }> = {};
  for (const [name, raw] of Object.entries(asDict(a['inputs']))) {
    const i = asDict(raw);
    inputs[name] = { required: i['required'] === true && i['default'] === undefined };
  }
  return { inputs, outputs: Object.keys(asDict(a['outputs'])) };
}

/**
 * Every `with:` key of a suite-action step is an input of that action, every
 * required input is given, and every steps.<id>.outputs.<name> of such a step
 * is one of its outputs. Actions without an action.yml yet are skipped.
 */
export function checkActionUsage(text: string, suite: SuiteContext, actions: Record<string, ActionInterface>): Finding[] {
  const out: Finding[] = [];
  const wf = asDict(parse(text));
  for (const [id, raw] of Object.entries(asDict(wf['jobs']))) {
    const job = asDict(raw);
    const byStepId = new Map<string, ActionInterface & { name: string }>();
    steps(job).forEach((step, i) => {
      const own = ownActionUse(asString(step['uses']) ?? '', suite);
      const iface = own ? actions[own.name] : undefined;
      if (!own || !iface) return;
      const where = `jobs.${id}.steps[${i}]`;
      const given = Object.keys(withOf(step));
      for (const k of given) if (!(k in iface.inputs)) out.push({ rule: 'unknown-input', where, message: `${own.name} has no input ${k}` });
      for (const [k, v] of Object.entries(iface.inputs)) if (v.required && !given.includes(k)) out.push({ rule: 'missing-input', where, message: `${own.name} needs input ${k}` });
      const stepId = asString(step['id']);
      if (stepId !== undefined) byStepId.set(stepId, { ...iface, name: own.name });
    });
    const body = JSON.stringify(job);
    for (const m of body.matchAll(/steps\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)/g)) {
      const iface = m[1] === undefined ? undefined : byStepId.get(m[1]);
      if (iface && m[2] !== undefined && !iface.outputs.includes(m[2])) {
        out.push({ rule: 'unknown-output', where: `jobs.${id}`, message: `steps.${m[1]}.outputs.${m[2]}: ${iface.name} has no output ${m[2]}` });
      }
    }
  }
  return out;
}

// ---- action.yml --------------------------------------------------------------

export type ActionRuleId = 'action-yaml' | 'action-runtime' | 'action-main' | 'action-description';

export function checkActionMetadata(text: string): Finding[] {
  let a: Dict;
  try {
    const parsed: unknown = parse(text);
    if (!isDict(parsed)) return [{ rule: 'action-yaml', where: '', message: 'action.yml is not a YAML mapping' }];
    a = parsed;
  } catch (e) {
    return [{ rule: 'action-yaml', where: '', message: `not valid YAML: ${e instanceof Error ? e.message : String(e)}` }];
  }
  const out: Finding[] = [];
  if (!asString(a['name'])?.trim()) out.push({ rule: 'action-description', where: 'name', message: 'no name' });
  if (!asString(a['description'])?.trim()) out.push({ rule: 'action-description', where: 'description', message: 'no description' });
  const runs = asDict(a['runs']);
  if (runs['using'] !== 'node24') out.push({ rule: 'action-runtime', where: 'runs.using', message: `runs.using must be node24, got ${String(runs['using'])}` });
  if (runs['main'] !== 'dist/index.js') out.push({ rule: 'action-main', where: 'runs.main', message: `runs.main must be dist/index.js, got ${String(runs['main'])}` });
  for (const section of ['inputs', 'outputs'] as const) {
    for (const [name, raw] of Object.entries(asDict(a[section]))) {
      if (!asString(asDict(raw)['description'])?.trim()) out.push({ rule: 'action-description', where: `${section}.${name}`, message: `${section}.${name} has no description` });
    }
  }
  return out;
}

// ---- dependabot.yml ------------------------------------------------------------

export type DependabotRuleId = 'dependabot';

export function checkDependabot(text: string, actionDirs: string[]): Finding[] {
  const cfg = asDict(parse(text));
  const updates = Array.isArray(cfg['updates']) ? cfg['updates'].map(asDict) : [];
  const dirsOf = (eco: string): string[] =>
    updates
      .filter((u) => u['package-ecosystem'] === eco)
      .flatMap((u) => [asString(u['directory']), ...(Array.isArray(u['directories']) ? u['directories'].map(asString) : [])])
      .filter((d): d is string => d !== undefined);
  const out: Finding[] = [];
  if (cfg['version'] !== 2) out.push({ rule: 'dependabot', where: 'version', message: 'version must be 2' });
  if (!dirsOf('npm').includes('/')) out.push({ rule: 'dependabot', where: 'updates', message: 'no npm updates for /' });
  const gha = dirsOf('github-actions');
  for (const d of ['/', ...actionDirs]) {
    if (!gha.includes(d) && !gha.includes('/actions/*')) out.push({ rule: 'dependabot', where: 'updates', message: `no github-actions updates for ${d}` });
  }
  for (const u of updates) {
    const eco = String(u['package-ecosystem']);
    if (!isDict(u['schedule']) || !asString(u['schedule']['interval'])) out.push({ rule: 'dependabot', where: eco, message: 'no schedule.interval' });
    const cooldown = asDict(u['cooldown']);
    const days = Number(cooldown['default-days']);
    if (!Number.isInteger(days) || days < 1 || days > 90) {
      out.push({ rule: 'dependabot', where: eco, message: 'no cooldown.default-days (1-90): a release just published (perhaps hijacked) would be proposed at once' });
    }
    if (eco === 'github-actions' && Object.keys(cooldown).some((k) => k.startsWith('semver-'))) {
      out.push({ rule: 'dependabot', where: eco, message: 'github-actions takes cooldown.default-days only; semver-*-days stop Dependabot with a configuration error' });
    }
  }
  return out;
}

// ---- version rule ---------------------------------------------------------------

/**
 * The ref the reusable workflows name the suite's actions at: v<major> of the
 * package version. 0.x is the development line of the first release, 1.0.0
 * (users are told to use @v1, DESIGN.md), so it maps to v1 too; no v0 is ever
 * published (the release gate refuses 0.x versions).
 */
export function expectedOwnRef(packageVersion: string): string {
  const m = /^(\d+)\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/.exec(packageVersion);
  if (!m?.[1]) throw new Error(`package.json version "${packageVersion}" is not X.Y.Z`);
  const major = Number(m[1]);
  return `v${major === 0 ? 1 : major}`;
}

/** owner/repo from package.json `repository` ("github:o/r", "o/r", a GitHub URL, or { url }). */
export function repoSlug(repository: unknown, fallback: string): string {
  const raw = typeof repository === 'string' ? repository : asString(asDict(repository)['url']);
  if (raw === undefined) return fallback;
  const m = /^(?:github:)?([A-Za-z0-9-]+\/[A-Za-z0-9._-]+?)(?:\.git)?$/.exec(raw) ?? /github\.com[/:]([A-Za-z0-9-]+\/[A-Za-z0-9._-]+?)(?:\.git)?\/?$/.exec(raw);
  return m?.[1] ?? fallback;
}

/**
 * The release gate: a tag vX.Y.Z may be released only when it is the package
 * version, X >= 1 (there is no v0 line), and every suite action the reusable
 * workflows name is a $/actions/<name> self-reference, so a caller pinned to
 * any ref (vX, vX.Y.Z or a commit SHA) runs the actions of exactly that commit.
 */
export function checkRelease(tag: string, packageVersion: string, refs: { file: string; uses: string; ref: string | undefined }[]): string[] {
  const problems: string[] = [];
  const m = /^v(\d+)\.(\d+)\.(\d+)(-[0-9A-Za-z.-]+)?$/.exec(tag);
  if (!m?.[1]) return [`tag ${tag} is not vX.Y.Z`];
  if (tag !== `v${packageVersion}`) problems.push(`tag ${tag} is not the package.json version ${packageVersion}`);
  const major = Number(m[1]);
  if (major < 1) problems.push(`tag ${tag}: no v0 line is published; the first release is v1.0.0 (users reference @v1)`);
  if (refs.length === 0) problems.push('the reusable workflows name no suite action');
  for (const r of refs) {
    if (!r.uses.startsWith('$/actions/')) problems.push(`${r.file}: ${r.uses} is not a $/actions/<name> reference: a caller pinned to ${tag} would run other code`);
  }
  return problems;
}
