import { dataConnectionObjectOf, formatDataResourceUri, parseDataResourceUri } from './resource-uri.js';

describe(parseDataResourceUri.name, () => {
  it('should parse both URI shapes', () => {
    expect(parseDataResourceUri('data:acme-corp:analytics-prod:customer-db')).toEqual({
      orgId: 'acme-corp',
      projectId: 'analytics-prod',
      name: 'customer-db',
    });
    expect(parseDataResourceUri('data:acme-corp::customer-db')).toEqual({
      orgId: 'acme-corp',
      projectId: null,
      name: 'customer-db',
    });
  });

  it('should reject malformed or injected URIs', () => {
    for (const bad of [
      'data:acme:p',
      'data:acme:p:x:y',
      'data:ACME:p:x',
      'data:acme:p:x#owner',
      'file:acme:p:x',
      'data:acme:p:',
      'data:acme:p:../x',
      'data:acme:_:x',
    ]) {
      expect(parseDataResourceUri(bad)).toBeNull();
    }
  });

  it('should round-trip and map to an org-qualified object', () => {
    const ref = parseDataResourceUri('data:acme::db')!;
    expect(formatDataResourceUri(ref)).toBe('data:acme::db');
    expect(dataConnectionObjectOf(ref)).toBe('data_connection:acme/_/db');
  });
});
