import {
  decodeInfisicalValue,
  encodeInfisicalValue,
  folderSegment,
  infisicalFolderPath,
  projectIdFromSegment,
  resourceUriFromSegment,
} from './infisical-paths.mapper.js';

describe(infisicalFolderPath.name, () => {
  it('should map org, project and resource scopes to folders', () => {
    expect(infisicalFolderPath({ orgId: 'acme', projectId: null, resourceUri: null })).toBe('/acme/_org');
    expect(infisicalFolderPath({ orgId: 'acme', projectId: 'sales', resourceUri: null })).toBe('/acme/sales');
    expect(
      infisicalFolderPath({ orgId: 'acme', projectId: 'sales', resourceUri: 'postgres://db:5432/x' }),
    ).toMatch(/^\/acme\/sales\/resources\/postgres-db-5432-x_[0-9a-f]{20}$/);
  });

  it('should never let a real id collide with the org-level folder or another id', () => {
    expect(folderSegment('_org')).not.toBe('_org');
    expect(folderSegment('a b')).not.toBe(folderSegment('a-b'));
    expect(folderSegment('a/b')).not.toBe(folderSegment('a:b'));
    for (const id of ['_org', 'a b', 'x'.repeat(300), 'Ünïcode'])
      expect(folderSegment(id)).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
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

describe(resourceUriFromSegment.name, () => {
  it('should name a data connection URI whose folder kept it readable, confirmed by the hash', () => {
    for (const uri of ['data:acme:sales:db', 'data:acme::lake']) {
      const [, org, project] = uri.split(':');
      expect(resourceUriFromSegment(folderSegment(uri), org, project || null)).toBe(uri);
    }
  });

  it('should say null, never guess, when the folder name was cut short or the hash disagrees', () => {
    const long = 'data:acme:sales:a-connection-name-long-enough-to-be-cut';
    expect(resourceUriFromSegment(folderSegment(long), 'acme', 'sales')).toBeNull();
    const forged = folderSegment('data:acme:sales:db').replace(/_[0-9a-f]+$/, '_00000000000000000000');
    expect(resourceUriFromSegment(forged, 'acme', 'sales')).toBeNull();
    expect(resourceUriFromSegment(folderSegment('data:acme:sales:db'), 'acme', 'other')).toBeNull();
  });

  it('should read project folders back: _org is org level, a hashed id is unknown', () => {
    expect(projectIdFromSegment('_org')).toBeNull();
    expect(projectIdFromSegment('sales')).toBe('sales');
    expect(projectIdFromSegment(folderSegment('p'.repeat(60)))).toBeUndefined();
  });
});
