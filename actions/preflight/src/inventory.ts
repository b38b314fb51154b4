import type { LiveRead } from './live.js';
import { itemKey, type Inventory, type Item } from './model.js';

/** Manifests, the cluster, or both (then the manifests' objects win over the cluster's of the same name). */
export function buildInventory(inputs: { imageRef?: string }, manifestItems: Item[] | undefined, live: LiveRead | undefined): Inventory {
  const mode = manifestItems && live ? 'both' : live ? 'live' : 'manifests';
  const fromFiles = manifestItems ?? [];
  const keys = new Set(fromFiles.map(itemKey));
  const items = [...fromFiles, ...(live ? [...live.deployments, ...live.items].filter((i) => !keys.has(itemKey(i))) : [])];
  const targets = [...fromFiles.filter((i) => i.object.kind === 'Deployment'), ...(live?.deployments.filter((i) => !keys.has(itemKey(i))) ?? [])];
  const unavailable = live?.unavailable ?? new Map<string, string>();
  return { mode, items, targets, unavailable, imageRef: inputs.imageRef, liveSecrets: live !== undefined && !unavailable.has('Secret') };
}

