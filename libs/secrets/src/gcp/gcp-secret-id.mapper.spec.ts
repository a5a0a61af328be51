import { gcpLabelValue, gcpScopeLabel, gcpSecretId } from './gcp-secret-id.mapper.js';

const ref = { orgId: 'acme', projectId: 'sales', resourceUri: null, name: 'credentials' };

describe(gcpSecretId.name, () => {
  it('should be deterministic, valid and readable', () => {
    expect(gcpSecretId(ref)).toBe(gcpSecretId({ ...ref }));
    expect(gcpSecretId(ref)).toMatch(/^s-acme-sales-credentials-[0-9a-f]{40}$/);
  });

  it('should differ per scope and stay within GCP limits for long, odd ids', () => {
    const ids = new Set([
      gcpSecretId(ref),
      gcpSecretId({ ...ref, projectId: null }),
      gcpSecretId({ ...ref, resourceUri: 'pg://x' }),
      gcpSecretId({ ...ref, orgId: 'acme2' }),
      gcpSecretId({ ...ref, name: 'credentials2' }),
    ]);
    expect(ids.size).toBe(5);
    const long = gcpSecretId({
      orgId: 'ö'.repeat(128),
      projectId: 'p'.repeat(128),
      resourceUri: 'u'.repeat(1024),
      name: 'n'.repeat(128),
    });
    expect(long).toMatch(/^[A-Za-z0-9_-]{1,255}$/);
  });
});

describe(gcpScopeLabel.name, () => {
  it('should be a valid label value that tells scopes apart', () => {
    const label = gcpScopeLabel(ref);
    expect(label).toMatch(/^[a-z0-9_-]{1,63}$/);
    expect(label).not.toBe(gcpScopeLabel({ ...ref, resourceUri: 'x' }));
    expect(gcpLabelValue('Acme Corp/EU')).toBe('acme-corp-eu');
  });
});
