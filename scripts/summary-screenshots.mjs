// npm run docs:summaries: a screenshot of each kind of job summary, as GitHub renders it, for
// docs/summaries.md.
//
// The summaries are the ones the integration tests make by running the bundles as the runner
// does (test/harness/run-action.mjs keeps each one when SUMMARY_CAPTURE_DIR is set); nothing
// here is written by hand. Each is rendered as GitHub Flavored Markdown (no hard line breaks),
// put through the tags GitHub's sanitizer keeps (test/harness/gfm.mjs), styled with GitHub's
// own Markdown stylesheet (github-markdown-css) at the width of a job summary, and shot with
// Debian's Chromium through playwright-core.
//
//   npm run docs:summaries                 # runs the integration tests that make them (~6 min)
//   npm run docs:summaries -- --from DIR   # renders captures kept earlier in DIR
//
// Needs Debian's chromium and fonts-noto-color-emoji (apt-get install -y chromium
// fonts-noto-color-emoji); the tests do not.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { githubHtml } from '../test/harness/gfm.mjs';
import { repoRoot } from '../test/harness/run-action.mjs';

/**
 * Each kind of summary a person meets, and the test run that shows it: the test file, its name,
 * and what the run must have ended with (so a renamed or changed test fails here, not silently).
 * @type {{ png: string, title: string, action: string, file: string, test: RegExp, pick: (c: Capture) => boolean }[]}
 */
export const kinds = [
  { png: 'build-sign-signed', title: 'build-sign: pushed, read back by digest, signed, provenance attested', action: 'build-sign', file: 'build-sign-provenance.test.ts', test: /signing on \(the default\)/, pick: (c) => c.exitCode === 0 && c.outputs.signed === 'true' },
  { png: 'build-sign-failed', title: 'build-sign: failed before building, saying what to add', action: 'build-sign', file: 'build-sign-provenance.test.ts', test: /without the runner variables provenance needs/, pick: (c) => c.exitCode !== 0 },
  { png: 'scan-passed', title: 'scan: the gate passes (attested, with an SBOM)', action: 'scan', file: 'scan.test.ts', test: /the job summary, as GitHub renders it attested, with an SBOM/, pick: (c) => c.exitCode === 0 && c.outputs.passed === 'true' },
  { png: 'scan-failed', title: 'scan: the gate fails, with an ignore entry that expired', action: 'scan', file: 'scan.test.ts', test: /the job summary, as GitHub renders it failed, with an expired entry/, pick: (c) => c.exitCode !== 0 && c.outputs.passed === 'false' },
  { png: 'scan-error', title: 'scan: Trivy could not run (every DB mirror rate-limited)', action: 'scan', file: 'scan.test.ts', test: /the job summary, as GitHub renders it every DB mirror rate-limited/, pick: (c) => c.exitCode !== 0 },
  { png: 'seal-sealed', title: 'seal-secrets: sealed (values never shown)', action: 'seal-secrets', file: 'seal-summary.test.ts', test: /sealed, then merged/, pick: (c) => c.exitCode === 0 && c.summary.includes('Sealed') },
  { png: 'seal-merged', title: 'seal-secrets: a key merged into an existing SealedSecret', action: 'seal-secrets', file: 'seal-summary.test.ts', test: /sealed, then merged/, pick: (c) => c.exitCode === 0 && c.summary.includes('Merged') },
  { png: 'seal-failed', title: 'seal-secrets: kubeseal failed', action: 'seal-secrets', file: 'seal-summary.test.ts', test: /kubeseal failure/, pick: (c) => c.exitCode !== 0 },
  { png: 'preflight-failed', title: 'preflight: a finding, with its fix', action: 'preflight', file: 'preflight.test.ts', test: /a failing check: exit 1/, pick: (c) => c.exitCode !== 0 && Number(c.outputs.errors) > 0 },
  { png: 'deploy-deployed', title: 'deploy: attestations verified, deployed by digest', action: 'deploy', file: 'deploy-attestations.test.ts', test: /the good set/, pick: (c) => c.exitCode === 0 && c.outputs.result === 'deployed' },
  { png: 'deploy-refused', title: 'deploy: refused before any change (two attestations fail the trust policy)', action: 'deploy', file: 'deploy-attestations.test.ts', test: /two attestations failing/, pick: (c) => c.exitCode !== 0 && c.outputs.result === 'failed' },
  { png: 'deploy-rolled-back', title: 'deploy: a broken rollout, failed fast and rolled back', action: 'deploy', file: 'deploy.test.ts', test: /ImagePullBackOff with fail-fast/, pick: (c) => c.exitCode !== 0 && c.outputs.result === 'rolled-back' },
  { png: 'deploy-rollback-failed', title: 'deploy: the rollback failed too, and what is serving now', action: 'deploy', file: 'deploy.test.ts', test: /a rollback target that no longer/, pick: (c) => c.exitCode !== 0 && c.outputs.result === 'failed' },
  { png: 'admission-policy', title: 'admission-policy: the trust policy exported for the cluster', action: 'admission-policy', file: 'admission-policy.test.ts', test: /writes a ClusterImagePolicy and a Kyverno ClusterPolicy/, pick: (c) => c.exitCode === 0 },
];

/** @typedef {{ action: string, file: string, test: string, exitCode: number, outputs: Record<string, string>, summary: string }} Capture */

const require = createRequire(import.meta.url);
const docsDir = path.join(repoRoot, 'docs');
const shotsDir = path.join(docsDir, 'summaries');

function captures(dir) {
  /** @type {Capture[]} */
  const all = [];
  for (const entry of readdirSync(dir)) {
    const file = path.join(dir, entry, 'capture.json');
    if (existsSync(file)) all.push(JSON.parse(readFileSync(file, 'utf8')));
  }
  return all.sort((a, b) => `${a.file} ${a.test}`.localeCompare(`${b.file} ${b.test}`));
}

// GitHub turns emoji shortcodes into emoji in Markdown; marked does not. The ones the summaries use.
const shortcodes = { x: '❌', white_check_mark: '✅', warning: '⚠️' };

function page(markdown) {
  const css = readFileSync(require.resolve('github-markdown-css/github-markdown-light.css'), 'utf8');
  // A job summary sits in a box about 900 px wide on the run's page.
  return `<!doctype html><html><head><meta charset="utf-8"><style>${css}
body { margin: 0; background: #fff; }
.markdown-body { box-sizing: border-box; width: 920px; padding: 16px 24px; border: 1px solid #d0d7de; border-radius: 6px; margin: 8px; }
</style></head><body><article class="markdown-body">${githubHtml(markdown).replace(/:([a-z_]+):/g, (m, name) => shortcodes[name] ?? m)}</article></body></html>`;
}

async function main() {
  const args = process.argv.slice(2);
  let from = args[0] === '--from' ? args[1] : undefined;
  if (args.length && !from) {
    process.stderr.write('usage: npm run docs:summaries [-- --from DIR]\n');
    process.exit(2);
  }
  if (!from) {
    from = mkdtempSync(path.join(tmpdir(), 'summary-captures-'));
    const tests = [...new Set(kinds.map((k) => `test/integration/${k.file}`))];
    process.stdout.write(`running ${tests.length} integration test files to capture their summaries into ${from}\n`);
    const jest = spawnSync(process.execPath, ['--experimental-vm-modules', '--disable-warning=ExperimentalWarning', 'node_modules/jest/bin/jest.js', ...tests], {
      cwd: repoRoot,
      stdio: 'inherit',
      env: { ...process.env, SUMMARY_CAPTURE_DIR: from },
    });
    if (jest.status !== 0) throw new Error(`the tests failed (exit ${jest.status}): no screenshots from a failing run`);
  }
  const all = captures(from);
  mkdirSync(shotsDir, { recursive: true });
  // Loaded here, not at the top: the unit test reads `kinds` without a browser library.
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const rows = [];
  try {
    const tab = await browser.newPage({ viewport: { width: 940, height: 600 }, deviceScaleFactor: 1 });
    for (const kind of kinds) {
      const capture = all.find((c) => c.action === kind.action && c.file === kind.file && kind.test.test(c.test) && kind.pick(c));
      if (!capture) throw new Error(`no captured ${kind.action} summary for "${kind.title}" (${kind.file}, ${kind.test}) in ${from}`);
      await tab.setContent(page(capture.summary), { waitUntil: 'load' });
      await tab.locator('article').screenshot({ path: path.join(shotsDir, `${kind.png}.png`) });
      rows.push({ kind, capture });
      process.stdout.write(`${kind.png}.png  ${capture.file}: ${capture.test}\n`);
    }
  } finally {
    await browser.close();
  }
  writeFileSync(path.join(docsDir, 'summaries.md'), gallery(rows));
  process.stdout.write(`wrote docs/summaries.md and ${rows.length} screenshots in docs/summaries/\n`);
}

function gallery(rows) {
  const lines = [
    '# Job summaries, as GitHub shows them',
    '',
    'One screenshot of each kind of summary the actions write. Each is the summary of a run in the',
    'integration tests (the bundle run as the runner runs it, against the local registry and the',
    'simulated API server, so hosts are `127.0.0.1:<port>`), rendered as GitHub Flavored Markdown',
    "through the tags GitHub's sanitizer keeps and styled with GitHub's Markdown stylesheet.",
    'Regenerate them with `npm run docs:summaries` (needs Debian\'s `chromium` and',
    '`fonts-noto-color-emoji`); `scripts/summary-screenshots.mjs` says how they are chosen.',
    '',
  ];
  for (const { kind, capture } of rows) {
    lines.push(`## ${kind.title}`, '', `From \`test/integration/${capture.file}\`, "${capture.test.replace(/"/g, "'")}".`, '', `![${kind.title}](summaries/${kind.png}.png)`, '');
  }
  return lines.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
