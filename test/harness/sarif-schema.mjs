// The published SARIF 2.1.0 schema (final RTM, schemastore id), as shipped on npm by
// Microsoft's SARIF SDK, compiled once for every test that validates a SARIF log.
import AjvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

// CommonJS packages: under NodeNext the default import is module.exports, which carries `.default`.
const Ajv = AjvDraft04.default ?? AjvDraft04;
const addFormats = ajvFormats.default ?? ajvFormats;

const require = createRequire(import.meta.url);
const schemaPath = path.join(path.dirname(require.resolve('@microsoft/jest-sarif/package.json')), 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json');
const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));

function compile(s, allErrors) {
  const ajv = new Ajv({ allErrors, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(s);
}

/** Validates a SARIF log against the schema as published; `.errors` says why not. */
export const validateSarif = compile(schema, true);

/**
 * The same schema less one check, for very large logs: `rules` has uniqueItems, which Ajv
 * checks pairwise (thousands of rules, minutes). Rules with distinct ids are distinct items,
 * so a caller that asserts distinct rule ids loses nothing.
 */
export const validateLargeSarif = (() => {
  const fast = structuredClone(schema);
  fast.definitions.toolComponent.properties.rules.uniqueItems = false;
  return compile(fast, false);
})();
