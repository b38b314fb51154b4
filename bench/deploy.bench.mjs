// Rollback speed in the simulated cluster (real kubectl, the bundled deploy action):
// time from the first failing pod of a bad rollout to the completed rollback, with
// fail-fast on and off, against a 60 s progress deadline. Takes about 70 s: the
// fail-fast-off run really waits for the deadline.
import { digestOf, startCluster } from '../test/harness/kube.mjs';
import { runAction } from '../test/harness/run-action.mjs';

const FAILING = new Set(['ImagePullBackOff', 'ErrImagePull']);
const repo = '127.0.0.1:5000/bench/web';

function firstFailingPod(sim, ns) {
  for (const pod of sim.state.list('pods', ns)) {
    for (const cs of pod.status?.containerStatuses ?? []) if (FAILING.has(cs.state?.waiting?.reason)) return true;
  }
  return false;
}

async function measure(k, failFast) {
  const ns = `bench-${failFast ? 'ff' : 'noff'}`;
  await k.deployment(ns, 'web', `${repo}@${digestOf('good')}`, { replicas: 2, progressDeadlineSeconds: 60 });
  const bad = `${repo}@${digestOf(`bad-${ns}`)}`;
  await k.behave({ [bad]: { behavior: 'ImagePullBackOff' } });
  let firstFailure;
  const poll = setInterval(() => {
    if (firstFailure === undefined && firstFailingPod(k.sim, ns)) firstFailure = Date.now();
  }, 10);
  const r = await runAction('deploy', { inputs: { namespace: ns, deployment: 'web', 'image-ref': bad, 'fail-fast': String(failFast), timeout: '3m' }, env: { KUBECONFIG: k.kubeconfig } });
  const done = Date.now();
  clearInterval(poll);
  const back = (await k.images(ns, 'web')).app === `${repo}@${digestOf('good')}`;
  if (r.outputs.result !== 'rolled-back' || !back || firstFailure === undefined) {
    throw new Error(`fail-fast=${failFast}: expected a rollback, got result=${r.outputs.result} back=${back}\n${r.errors.join('\n')}`);
  }
  return (done - firstFailure) / 1000;
}

const k = await startCluster({ timeScale: 1 });
try {
  const on = await measure(k, true);
  console.log(`fail-fast on : first failing pod -> rollback complete ${on.toFixed(2)} s`);
  const off = await measure(k, false);
  console.log(`fail-fast off: first failing pod -> rollback complete ${off.toFixed(2)} s (waits for the 60 s progress deadline)`);
  console.log(`ratio: rollback ${(off / on).toFixed(1)}x sooner with fail-fast (target: at least 10x)`);
} finally {
  await k.stop();
}
