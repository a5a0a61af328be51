import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * One full, compacting collection once the app is up. Boot leaves tens of MiB of garbage (module
 * compilation, Nest's scan, schema builds) in pages V8 keeps until a major GC that idle traffic never
 * triggers, so idle RSS stayed at the boot peak. Called by the entry points only (not by tests that
 * start apps in process), once; `gc` is exposed for that call and hidden again.
 */
export function releaseBootGarbage(): void {
  setFlagsFromString('--expose-gc');
  try {
    (runInNewContext('gc') as () => void)();
  } finally {
    setFlagsFromString('--no-expose-gc');
  }
}
