import { DriverError } from '../../driver-error.js';

const MISSING_MODULE = new Set(['ERR_MODULE_NOT_FOUND', 'MODULE_NOT_FOUND']);

/**
 * A driver SDK loaded on first use and kept: booting Assets loads none of them (most tenants use
 * two or three connection types, and each SDK costs megabytes of heap and code). A deployment
 * without the package gets a clear verification error for that type, never a failed boot. A
 * failed load is forgotten, so the next verification tries again.
 */
export function lazySdk<T>(packages: string | string[], load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    loading ??= load().catch((error: unknown) => {
      loading = undefined;
      const missing = [packages].flat().find((name) => isMissingPackage(error, name));
      if (missing) {
        throw new DriverError(
          'invalid_config',
          `this connection type is not available on this server: its driver package (${missing}) is not installed`,
        );
      }
      throw error;
    });
    return loading;
  };
}

/** The package itself is missing (not some file it imports with a bug in it). */
function isMissingPackage(error: unknown, packageName: string): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  const message = (error as { message?: unknown } | null)?.message;
  return (
    typeof code === 'string' &&
    MISSING_MODULE.has(code) &&
    typeof message === 'string' &&
    (message.includes(`'${packageName}'`) || message.includes(`'${packageName}/`))
  );
}

/** `import()` of a CommonJS package gives `{ default: module.exports }`; ESM builds give the namespace. */
export function defaultExport<T>(namespace: unknown): T {
  const withDefault = namespace as { default?: T };
  return withDefault.default ?? (namespace as T);
}
