import * as core from '@actions/core';
import { ConfigurationError } from '../../../src/lib/errors.js';
import { getInputs, type Inputs } from './inputs.js';

/**
 * An input's value can hold line breaks; quoted in an error it would start new
 * Markdown blocks (a heading, a list, a fence) in the job summary. The message
 * keeps it on one line, the breaks written as \n.
 */
export function oneLine(err: ConfigurationError): ConfigurationError {
  const prefix = `input '${err.input}': `;
  const body = err.message.startsWith(prefix) ? err.message.slice(prefix.length) : err.message;
  return /[\r\n]/.test(body) ? new ConfigurationError(err.input, body.replace(/\r/g, '\\r').replace(/\n/g, '\\n')) : err;
}

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
    throw err instanceof ConfigurationError ? oneLine(err) : err;
  }
  const { execute } = await import('./execute.js');
  await execute(inputs);
}
