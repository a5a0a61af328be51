import { ConfigValidationError } from './load-config.js';

/**
 * For an entry point's start-up: a configuration error is the operator's to fix, so it ends the
 * process with its message (variable names only) and exit code 1, not a stack trace. Any other
 * error is rethrown unchanged.
 */
export function exitOnConfigError(error: unknown): never {
  if (error instanceof ConfigValidationError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  throw error;
}
