import type { Log, Result } from 'sarif';
import { CHECKS } from './catalogue.js';
import type { Finding } from './model.js';

/**
 * SARIF 2.1.0 for github/codeql-action/upload-sarif, written on every run (an empty
 * results list closes the alerts of a fixed run). One rule per catalogue check, one result
 * per finding: from manifests located at the file and line of the object (or of the
 * container), from the cluster named by a logical location. Waived findings carry a
 * suppression with the waiver's reason.
 */
const INFO_URI = 'https://github.com/secure-delivery/suite/tree/main/actions/preflight#checks';

export function buildSarif(findings: Finding[], version: string): Log {
  const index = new Map<string, number>(CHECKS.map((c, i) => [c.id, i]));
  const results: Result[] = findings.map((f) => {
    const text = `${f.object}${f.container ? ` (container ${f.container})` : ''}: ${f.message}`;
    const result: Result = {
      ruleId: f.check,
      ruleIndex: index.get(f.check),
      level: f.severity,
      message: { text: `${text}. Fix:\n${f.fix}`, markdown: `${text}.\n\nFix:\n\n\`\`\`yaml\n${f.fix}\n\`\`\`` },
      locations: [
        {
          ...(f.source ? { physicalLocation: { artifactLocation: { uri: encodeURI(f.source.file) }, region: { startLine: f.source.line } } } : {}),
          logicalLocations: [{ name: f.object.split('/').pop(), fullyQualifiedName: f.object, kind: 'resource' }],
        },
      ],
      partialFingerprints: { 'preflightFinding/v1': `${f.check}:${f.object}:${f.container ?? ''}:${f.status}` },
      properties: { status: f.status, ...(f.container ? { container: f.container } : {}) },
    };
    if (f.waivedBy) result.suppressions = [{ kind: 'external', status: 'accepted', justification: `${f.waivedBy.reason} (waived until ${f.waivedBy.expires})` }];
    return result;
  });
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'preflight',
            informationUri: INFO_URI,
            semanticVersion: version,
            rules: CHECKS.map((c) => ({
              id: c.id,
              name: c.id.replace(/(^|-)([a-z])/g, (_m, _d, ch: string) => ch.toUpperCase()),
              shortDescription: { text: `${c.item}: ${c.id}` },
              fullDescription: { text: c.passes },
              help: { text: `Passes when: ${c.passes}`, markdown: `**${c.item}**. Passes when: ${c.passes}` },
              defaultConfiguration: { level: c.severity },
              properties: { tags: ['kubernetes', 'preflight'] },
            })),
          },
        },
        results,
      },
    ],
  };
}
