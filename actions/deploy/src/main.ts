import { getInputs } from './inputs.js';

/** run(): validate every input, then load and run the rollout (or rollback). */
export async function run(): Promise<void> {
  const inputs = getInputs();
  const { execute } = await import('./execute.js');
  await execute(inputs);
}
