import { writeSummary } from '../../../src/lib/summary.js';
import { getInputs, type Inputs } from './inputs.js';
import { sealSummary } from './summary.js';

/**
 * run(): read and validate every input, then execute. The execution code (crypto,
 * kubectl, the YAML writer) is loaded only once the inputs are known to be good,
 * so a mistake in the workflow file is reported as fast as Node can start.
 */
export async function run(): Promise<void> {
  let inputs: Inputs;
  try {
    inputs = await getInputs();
  } catch (err) {
    await writeSummary(sealSummary({ sealed: [], kept: [], error: err instanceof Error ? err.message : String(err) }));
    throw err;
  }
  const { execute } = await import('./execute.js');
  await execute(inputs);
}
