import { getInputs } from './inputs.js';

/**
 * run(): read and validate every input (manifests and waivers included), then execute.
 * The execution code loads only once the inputs are known to be good.
 */
export async function run(): Promise<void> {
  const inputs = await getInputs();
  const { execute } = await import('./execute.js');
  await execute(inputs);
}
