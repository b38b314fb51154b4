import { readFileSync } from 'node:fs';

/** What the summary says about the SBOM Trivy wrote, after checking it is one. */
export interface SbomFacts {
  file?: string;
  specVersion: string;
  components: number;
  attested?: boolean;
}

/** Reads Trivy's CycloneDX JSON; anything else (empty, truncated, another format) is an error. */
export function readSbom(file: string): SbomFacts {
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`trivy exited 0 but the SBOM ${file} is not readable JSON: ${(err as Error).message}`);
  }
  const bom = doc as { bomFormat?: unknown; specVersion?: unknown; components?: unknown; metadata?: { component?: unknown } };
  if (typeof doc !== 'object' || doc === null || bom.bomFormat !== 'CycloneDX' || typeof bom.specVersion !== 'string') {
    throw new Error(`trivy exited 0 but ${file} is not a CycloneDX SBOM (bomFormat ${JSON.stringify(bom?.bomFormat ?? null)})`);
  }
  if (typeof bom.metadata?.component !== 'object' || bom.metadata.component === null) throw new Error(`the SBOM ${file} names no image (metadata.component is missing)`);
  return { specVersion: bom.specVersion, components: Array.isArray(bom.components) ? bom.components.length : 0 };
}
