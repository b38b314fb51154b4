import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);

// src/lib/errors.ts
var ConfigurationError = class extends Error {
  constructor(input, message) {
    super(`input '${input}': ${message}`);
    this.input = input;
    this.name = "ConfigurationError";
  }
  input;
};
function describeError(err) {
  if (err instanceof Error) return err.message;
  if (typeof err === "string") return err;
  try {
    return JSON.stringify(err) ?? String(err);
  } catch {
    return String(err);
  }
}

export {
  ConfigurationError,
  describeError
};
//# sourceMappingURL=chunk-4WNJIDQD.js.map
