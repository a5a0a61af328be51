import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AuthorizationModelJson } from '../engine/compiled-model.js';

const MODEL_DIR = dirname(fileURLToPath(import.meta.url));

/** The product model, kept in one DSL file; swc copies it next to the compiled code. */
export function loadProductModelDsl(): string {
  return readFileSync(join(MODEL_DIR, 'model.fga'), 'utf8');
}

/**
 * The product model in OpenFGA's JSON form, compiled from model.fga ahead of time (model.spec.ts
 * fails when it is stale), so the apps never load the DSL parser at boot: about 280 modules and
 * 10-25 MiB of resident memory.
 */
export function loadProductModel(): AuthorizationModelJson {
  return JSON.parse(readFileSync(join(MODEL_DIR, 'model.json'), 'utf8')) as AuthorizationModelJson;
}
