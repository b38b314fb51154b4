import { getInputs } from './inputs.js';

/** run(): read and validate every input, then write (and apply) the policies. */
export async function run(): Promise<void> {
  const inputs = getInputs();
  const { execute } = await import('./execute.js');
  await execute(inputs);
}
