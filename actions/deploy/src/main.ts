import * as core from '@actions/core';
import { getInputs, type Inputs } from './inputs.js';

/** run(): validate every input, then load and run the phases (execute.ts). */
export async function run(): Promise<void> {
  let inputs: Inputs;
  try {
    inputs = getInputs();
  } catch (err) {
    // Nothing was touched; the result is still known.
    core.setOutput('result', 'failed');
    throw err;
  }
  const { execute } = await import('./execute.js');
  await execute(inputs);
}
