import { decodeInfisicalValue, encodeInfisicalValue, folderSegment, infisicalFolderPath } from './infisical-paths.mapper.js';

describe(infisicalFolderPath.name, () => {
  it('should map org, project and resource scopes to folders', () => {
    expect(infisicalFolderPath({ orgId: 'acme', projectId: null, resourceUri: null })).toBe('/acme/_org');
    expect(infisicalFolderPath({ orgId: 'acme', projectId: 'sales', resourceUri: null })).toBe('/acme/sales');
    expect(infisicalFolderPath({ orgId: 'acme', projectId: 'sales', resourceUri: 'postgres://db:5432/x' })).toMatch(
      /^\/acme\/sales\/resources\/postgres-db-5432-x_[0-9a-f]{20}$/,
    );
  });

  it('should never let a real id collide with the org-level folder or another id', () => {
    expect(folderSegment('_org')).not.toBe('_org');
    expect(folderSegment('a b')).not.toBe(folderSegment('a-b'));
    expect(folderSegment('a/b')).not.toBe(folderSegment('a:b'));
    for (const id of ['_org', 'a b', 'x'.repeat(300), 'Ünïcode']) expect(folderSegment(id)).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
  });
});

describe(encodeInfisicalValue.name, () => {
  it('should keep ordinary values readable', () => {
    expect(encodeInfisicalValue('plain')).toBe('plain');
    expect(encodeInfisicalValue('ends with newline\n')).toBe('ends with newline\n');
  });

  it('should encode values Infisical would alter and decode them back', () => {
    for (const value of [' padded ', 'two newlines\n\n', 'ref ${X}', '__b64__:x', '\ttab']) {
      const encoded = encodeInfisicalValue(value);
      expect(encoded.startsWith('__b64__:')).toBe(true);
      expect(decodeInfisicalValue(encoded)).toBe(value);
    }
  });
});
