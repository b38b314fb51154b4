import * as core from '@actions/core';
import { ConfigurationError, describeError } from './errors.js';
import { writeSummary } from './summary.js';

/**
 * The one top-level catch every action's entry goes through: any thrown value,
 * not only an Error, fails the step as `<action> failed: <message>`. A mistake
 * in the inputs also gets a job summary (the action's own summary is written
 * only once it has started), so the person reading the run sees what to fix.
 */
export async function runAction(action: string, main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (err) {
    core.setFailed(`${action} failed: ${describeError(err)}`);
    if (core.isDebug() && err instanceof Error && err.stack) core.debug(err.stack);
    if (err instanceof ConfigurationError) {
      // `<` and `>` escaped: GitHub would eat a placeholder such as `<name>` as an HTML tag.
      await writeSummary([`### ❌ ${action} did not start: input \`${err.input}\``, err.message.replace(/[<>]/g, (c) => `\\${c}`), 'Nothing was changed. Fix the input in the workflow file and run it again.']);
    }
  }
}
