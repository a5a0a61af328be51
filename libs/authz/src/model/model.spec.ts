import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import syntaxTransformer from '@openfga/syntax-transformer';
import { loadProductModel, loadProductModelDsl } from './model.js';

describe('the precompiled product model', () => {
  it('should be model.fga as the OpenFGA syntax transformer compiles it (UPDATE_AUTHZ_MODEL=1 rewrites model.json)', () => {
    const compiled = syntaxTransformer.transformer.transformDSLToJSONObject(loadProductModelDsl());
    if (process.env.UPDATE_AUTHZ_MODEL === '1') {
      const path = join(dirname(fileURLToPath(import.meta.url)), 'model.json');
      writeFileSync(path, `${JSON.stringify(compiled, null, 2)}\n`);
    }
    expect(loadProductModel()).toEqual(JSON.parse(JSON.stringify(compiled)));
  });
});
