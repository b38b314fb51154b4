import type { CheckId, Severity } from './catalogue.js';

/** A Kubernetes object as JSON (from a manifest or from kubectl). */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata?: {
    name?: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    ownerReferences?: Array<{ kind?: string; name?: string; apiVersion?: string }>;
    managedFields?: unknown[];
  };
  spec?: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- checks read many shapes; each guards what it reads
  status?: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  data?: Record<string, unknown> | null;
  stringData?: Record<string, unknown> | null;
  [key: string]: unknown;
}

/** Where an object came from: a manifest file and line, or the cluster. */
export interface Source {
  /** Path relative to the workspace, with forward slashes. */
  file: string;
  /** 1-based line of the object's document. */
  line: number;
  /** 1-based lines of containers by name (spec.template.spec.containers / initContainers). */
  containers?: Record<string, number>;
}

export interface Item {
  object: KubeObject;
  /** The namespace the object lives in (metadata.namespace, else the namespace input). */
  namespace?: string;
  source?: Source;
}

/**
 * What the checks look at: the objects, and the kinds that could not be read (live: 403,
 * or a kind the cluster does not serve). A check that fails while a kind it reads is
 * missing reports `unknown`, never a pass and never a plain failure.
 */
export interface Inventory {
  mode: 'manifests' | 'live' | 'both';
  items: Item[];
  /** Kind name (e.g. NetworkPolicy) -> why it could not be read. */
  unavailable: Map<string, string>;
  /** Deployments to check: all in the manifests, or the named ones. */
  targets: Item[];
  /** Target container image overrides: image-ref for containers of its repository. */
  imageRef?: string;
  /** Whether Secrets referenced by the pods were read from the cluster (live). */
  liveSecrets: boolean;
}

export type Status = 'fail' | 'unknown';

export interface Finding {
  check: CheckId;
  severity: Severity;
  status: Status;
  /** `Kind/namespace/name`. */
  object: string;
  container?: string;
  message: string;
  /** The fix, as a YAML snippet. */
  fix: string;
  source?: { file: string; line: number };
  /** Set when a waiver covers the finding. */
  waivedBy?: { reason: string; expires: string; line?: number };
}

/** A check that ran on a target object and did not find anything: for the per-object table. */
export interface Pass {
  check: CheckId;
  object: string;
}

export const NO_NAMESPACE = '-';

export function objectKey(kind: string, namespace: string | undefined, name: string): string {
  return `${kind}/${namespace ?? NO_NAMESPACE}/${name}`;
}

export function itemKey(item: Item): string {
  return objectKey(item.object.kind ?? '?', item.namespace, item.object.metadata?.name ?? '?');
}
