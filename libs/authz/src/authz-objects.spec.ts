import { dataConnectionObject, parsePublicObject, projectObject, toPublicObject } from './authz-objects.js';

describe('authz objects', () => {
  it('should qualify projects and connections by org', () => {
    expect(projectObject('acme', 'analytics-prod')).toBe('project:acme/analytics-prod');
    expect(dataConnectionObject('acme', null, 'db')).toBe('data_connection:acme/_/db');
    expect(dataConnectionObject('acme', 'p1', 'db')).toBe('data_connection:acme/p1/db');
  });

  it('should map public objects only inside the caller org', () => {
    expect(parsePublicObject('project:analytics-prod', 'acme').fgaObject).toBe('project:acme/analytics-prod');
    expect(parsePublicObject('organization:acme', 'acme').fgaObject).toBe('organization:acme');
    expect(() => parsePublicObject('organization:globex', 'acme')).toThrow('Organization not found');
  });

  it('should reject injection attempts in object ids', () => {
    for (const bad of [
      'project:a#owner',
      'project:../x',
      'project:globex/p',
      'project:A',
      'data_connection:x',
      'project:',
    ]) {
      expect(() => parsePublicObject(bad, 'acme')).toThrow();
    }
  });

  it('should round-trip to the public form and hide other orgs', () => {
    expect(toPublicObject('project:acme/p1', 'acme')).toBe('project:p1');
    expect(toPublicObject('project:globex/p1', 'acme')).toBeNull();
  });
});
