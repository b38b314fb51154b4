import * as core from '@actions/core';
import { describeError } from './errors.js';

/**
 * The one top-level catch every action's entry goes through: any thrown value,
 * not only an Error, fails the step as `<action> failed: <message>`.
 */
export async function runAction(action: string, main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (err) {
    core.setFailed(`${action} failed: ${describeError(err)}`);
    if (core.isDebug() && err instanceof Error && err.stack) core.debug(err.stack);
  }
}
