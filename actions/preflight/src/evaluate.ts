import { checkInfo, type CheckId } from './catalogue.js';
import { Related, Target } from './checks/context.js';
import { checkAdmissionPolicy, checkAntiAffinity, checkHpa, checkIngressTls, checkMonitoring, checkNamespace, checkNetworkPolicy, checkPdb, checkReplicas } from './checks/related.js';
import { checkEnvLiterals, checkImages, checkProbes, checkResources, checkRevisionHistory, checkRollingUpdate, checkSecretsSealed, checkSecurityContext, checkServiceAccount } from './checks/workload.js';
import { itemKey, type Finding, type Inventory } from './model.js';

export interface ObjectResult {
  object: string;
  source?: { file: string; line: number };
  /** Every check that ran on the object, in catalogue order. */
  checks: CheckId[];
  findings: Finding[];
}

export interface Evaluation {
  objects: ObjectResult[];
  findings: Finding[];
}

/**
 * One catalogue for both evaluators: the manifests and the live namespace are turned into
 * the same Inventory, and every check runs on it the same way. The only differences come
 * from the inventory itself (kinds that could not be read, Secrets read from the cluster).
 */
export function evaluate(inventory: Inventory): Evaluation {
  const related = new Related(inventory);
  const objects: ObjectResult[] = [];
  for (const item of inventory.targets) {
    const t = new Target(item, inventory.imageRef);
    checkEnvLiterals(t);
    checkSecretsSealed(t, related);
    checkResources(t, related);
    checkProbes(t);
    checkRollingUpdate(t);
    checkRevisionHistory(t);
    checkReplicas(t, related);
    checkPdb(t, related);
    checkNetworkPolicy(t, related);
    checkImages(t);
    checkNamespace(t, related);
    checkIngressTls(t, related);
    checkMonitoring(t, related);
    checkHpa(t, related);
    checkAntiAffinity(t);
    checkSecurityContext(t);
    checkServiceAccount(t, related);
    checkAdmissionPolicy(t, related);
    objects.push({ object: t.key, source: item.source ? { file: item.source.file, line: item.source.line } : undefined, checks: [...t.ran], findings: t.findings });
  }
  // Secrets written in the manifests themselves (the cluster's Secrets always hold data).
  for (const item of inventory.items) {
    if (item.object.kind !== 'Secret' || !item.source) continue;
    const filled = [item.object.data, item.object.stringData].some((d) => d && typeof d === 'object' && Object.values(d).some((v) => v !== '' && v !== null && v !== undefined));
    const key = itemKey(item);
    const findings: Finding[] = [];
    if (filled) {
      const name = item.object.metadata?.name ?? '?';
      findings.push({
        check: 'secret-in-manifest',
        severity: checkInfo('secret-in-manifest').severity,
        status: 'fail',
        object: key,
        message: `Secret ${name} carries its values in the manifest (not shown): anyone who can read the repository can read them, base64 is not encryption`,
        fix: `# remove the Secret from git and commit a SealedSecret (the seal-secrets action writes it):\napiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nmetadata:\n  name: ${name}\n  namespace: ${item.namespace ?? '<namespace>'}\nspec:\n  encryptedData: {}   # written by seal-secrets`,
        source: { file: item.source.file, line: item.source.line },
      });
    }
    objects.push({ object: key, source: { file: item.source.file, line: item.source.line }, checks: ['secret-in-manifest'], findings });
  }
  return { objects, findings: objects.flatMap((o) => o.findings) };
}
