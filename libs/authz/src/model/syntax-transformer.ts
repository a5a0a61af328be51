import { createRequire } from 'node:module';

type SyntaxTransformer = typeof import('@openfga/syntax-transformer');

let loaded: SyntaxTransformer | undefined;

/**
 * OpenFGA's DSL parser (antlr4 and about 280 modules), loaded on first use: the apps boot on the
 * precompiled model.json, so only a DSL model (tests, a model given as text) or a model that
 * differs from ours needs it.
 */
export function loadSyntaxTransformer(): SyntaxTransformer['transformer'] {
  loaded ??= createRequire(import.meta.url)('@openfga/syntax-transformer') as SyntaxTransformer;
  return loaded.transformer;
}
