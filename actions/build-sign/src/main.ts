import * as core from '@actions/core';
import { getInputs, type Inputs } from './inputs.js';

/**
 * run(): read and validate every input, then execute. The execution code (and the
 * Node built-ins it needs) is loaded only once the inputs are known to be good, so
 * a mistake in the workflow file is reported as fast as Node can start.
 */
export async function run(): Promise<void> {
  let inputs: Inputs;
  try {
    inputs = getInputs();
  } catch (err) {
    core.setOutput('signed', 'false'); // known even when nothing ran
    throw err;
  }
  const { execute } = await import('./execute.js');
  await execute(inputs);
}
