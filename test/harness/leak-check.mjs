// Fails when a canary secret appears anywhere an action could leak it: stdout, stderr,
// outputs, the job summary, exported env, or any file under the given folders
// (the action's working directory and temp dirs). Also looks for the base64 and
// URL-encoded forms, the usual ways a secret slips out unrecognised.
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The canary as it may appear: itself, URL-encoded, and base64 at each of the three byte
 * alignments it can have inside a longer base64 string (a Docker `auth` of `user:password`
 * puts it after any number of bytes), keeping only the characters its own bytes decide.
 */
function forms(canary) {
  const base64 = [0, 1, 2].map((k) => {
    const n = k + Buffer.byteLength(canary);
    return Buffer.concat([Buffer.alloc(k), Buffer.from(canary)]).toString('base64').slice(Math.ceil((8 * k) / 6), Math.floor((8 * n) / 6));
  });
  return [canary, ...base64, encodeURIComponent(canary)].filter((f, i, all) => f.length >= 6 && all.indexOf(f) === i);
}

function* filesUnder(dir) {
  let entries;
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of entries) {
    if (name === 'node_modules' || name === '.git') continue;
    const p = path.join(dir, name);
    const st = lstatSync(p);
    if (st.isDirectory()) yield* filesUnder(p);
    else if (st.isFile() && st.size < 64 * 1024 * 1024) yield p;
  }
}

/** Returns a list of places a canary was found; empty means no leak. */
export { forms as leakForms };

export function findLeaks(result, canaries, extraDirs = []) {
  const places = [];
  // `::add-mask::<value>` is how an action tells the runner what to mask; the runner
  // consumes that line and never shows it, so it is the one place a secret may be.
  const texts = {
    stdout: result.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::')).join('\n'),
    stderr: result.stderr,
    outputs: JSON.stringify(result.outputs),
    summary: result.summary,
    'exported env': JSON.stringify(result.exported),
  };
  const dirs = [result.workDir, result.cwd, ...extraDirs];
  for (const canary of canaries) {
    for (const form of forms(canary)) {
      for (const [where, text] of Object.entries(texts)) if (text.includes(form)) places.push(`${where} contains ${form === canary ? 'the canary' : 'an encoding of the canary'}`);
      for (const dir of new Set(dirs)) {
        for (const file of filesUnder(dir)) {
          if (readFileSync(file).includes(form)) places.push(`file ${file} contains ${form === canary ? 'the canary' : 'an encoding of the canary'}`);
        }
      }
    }
  }
  return places;
}
