import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The product model, kept in one DSL file; swc copies it next to the compiled code. */
export function loadProductModelDsl(): string {
  return readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'model.fga'), 'utf8');
}
