import { canonicalRepository, parseReference, type ImageReference } from '../../../src/lib/image-ref.js';
import type { Deployment } from './kube-objects.js';
import { containersOf } from './rollout-state.js';

/** Which containers of a deployment take the new image: pure, checked before any change. */
export function containersToUpdate(d: Deployment, image: ImageReference, explicit: string[] | undefined): string[] {
  const containers = containersOf(d.spec.template);
  const names = containers.map((c) => c.name);
  if (explicit) {
    const missing = explicit.filter((c) => !names.includes(c));
    if (missing.length > 0) {
      throw new Error(`input 'container': deployment/${d.metadata.name} has no container ${missing.map((m) => `'${m}'`).join(', ')} (its containers: ${names.join(', ') || 'none'})`);
    }
    return explicit;
  }
  const wanted = canonicalRepository(image);
  const matching = containers.filter((c) => {
    const ref = parseReference(c.image);
    return typeof ref !== 'string' && canonicalRepository(ref) === wanted;
  });
  if (matching.length === 0) {
    throw new Error(
      `deployment/${d.metadata.name} has no container running ${wanted} (its containers: ${containers.map((c) => `${c.name}=${c.image}`).join(', ') || 'none'}); set the container input to choose one`,
    );
  }
  return matching.map((c) => c.name);
}

/** The container already runs this image: same repository (however spelled: `nginx`, `docker.io/library/nginx`) and same digest. */
export function runsImage(current: string | undefined, image: ImageReference): boolean {
  const ref = current === undefined ? 'no image' : parseReference(current);
  return typeof ref !== 'string' && ref.digest !== undefined && ref.digest === image.digest && canonicalRepository(ref) === canonicalRepository(image);
}
