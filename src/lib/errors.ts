/** A mistake in the workflow file: the message names the input and the form it expects. */
export class ConfigurationError extends Error {
  constructor(
    readonly input: string,
    message: string,
  ) {
    super(`input '${input}': ${message}`);
    this.name = 'ConfigurationError';
  }
}

/** Turns any thrown value into a message; a thrown string or object must still fail the step. */
export function describeError(err: unknown): string {
  if (err instanceof Error) return err.message;
  if (typeof err === 'string') return err;
  try {
    return JSON.stringify(err) ?? String(err);
  } catch {
    return String(err);
  }
}
