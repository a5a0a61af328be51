import syntaxTransformer from '@openfga/syntax-transformer';
import { AuthzEngineError } from './authz-engine.error.js';
import { compileModel, type AuthorizationModelJson } from './compiled-model.js';

const DSL = `model
  schema 1.1
type user
type folder
  relations
    define viewer: [user]
type document
  relations
    define parent: [folder]
    define viewer: [user, user:*] or viewer from parent`;

describe('compileModel', () => {
  it('should compile DSL and the equivalent JSON to the same relations', () => {
    const fromDsl = compileModel(DSL);
    const fromJson = compileModel(
      syntaxTransformer.transformer.transformDSLToJSONObject(DSL) as unknown as AuthorizationModelJson,
    );
    expect([...fromJson.types.keys()]).toEqual([...fromDsl.types.keys()]);
    const viewer = fromDsl.types.get('document')!.relations.get('viewer')!;
    expect([...viewer.allowed]).toEqual(['user', 'user:*']);
    expect(viewer.rewrite).toEqual({
      kind: 'union',
      children: [{ kind: 'direct' }, { kind: 'ttu', tupleset: 'parent', relation: 'viewer' }],
    });
  });

  it('should reject models that use conditions', () => {
    const conditional = `model
  schema 1.1
type user
type document
  relations
    define viewer: [user with in_office]
condition in_office(ip: ipaddress) {
  ip.in_cidr("10.0.0.0/8")
}`;
    expect(() => compileModel(conditional)).toThrow('conditions are not supported by the embedded engine');
  });

  it('should reject a relation that references an unknown relation', () => {
    const json: AuthorizationModelJson = {
      schema_version: '1.1',
      type_definitions: [
        { type: 'user' },
        { type: 'document', relations: { viewer: { computedUserset: { relation: 'editor' } } } },
      ],
    };
    expect(() => compileModel(json)).toThrow(AuthzEngineError);
    expect(() => compileModel(json)).toThrow("computed relation 'editor'");
  });

  it('should reject a type restriction on an unknown type', () => {
    const json: AuthorizationModelJson = {
      schema_version: '1.1',
      type_definitions: [
        {
          type: 'document',
          relations: { viewer: { this: {} } },
          metadata: { relations: { viewer: { directly_related_user_types: [{ type: 'team' }] } } },
        },
      ],
    };
    expect(() => compileModel(json)).toThrow("unknown type 'team'");
  });

  it('should reject malformed DSL with a validation error', () => {
    let error: unknown;
    try {
      compileModel('model\n  schema 1.1\ntype document\n  relations\n    define viewer [user]');
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(AuthzEngineError);
    expect((error as AuthzEngineError).code).toBe(2000);
  });
});
