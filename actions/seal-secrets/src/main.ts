import { getInputs } from './inputs.js';

/**
 * run(): read and validate every input, then execute. The execution code (crypto,
 * kubectl, the YAML writer) is loaded only once the inputs are known to be good,
 * so a mistake in the workflow file is reported as fast as Node can start.
 */
export async function run(): Promise<void> {
  const inputs = await getInputs();
  const { execute } = await import('./execute.js');
  await execute(inputs);
}
