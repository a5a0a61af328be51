import { rollbackRefusal } from './rotations.service.js';

const NOW = Date.parse('2026-01-05T10:30:00Z');
const promoted = {
  status: 'promoted' as const,
  fromVersion: 2,
  toVersion: 3,
  previousVersionExpiresAt: new Date(NOW + 60_000),
};
const rotatedRow = { credentialsVersion: 3, previousCredentialsVersion: 2 };

describe(rollbackRefusal.name, () => {
  it('should allow the latest promoted rotation during its grace period', () => {
    expect(rollbackRefusal(promoted, rotatedRow, NOW)).toBeNull();
  });

  it('should refuse once the grace period has ended, even before the retirement pass ran', () => {
    expect(
      rollbackRefusal({ ...promoted, previousVersionExpiresAt: new Date(NOW) }, rotatedRow, NOW),
    ).toMatch(/grace period .* ended/);
    expect(rollbackRefusal({ ...promoted, status: 'retired' }, rotatedRow, NOW)).toMatch(/retired/);
  });

  it('should refuse a rotation a later change superseded', () => {
    expect(rollbackRefusal(promoted, { credentialsVersion: 4, previousCredentialsVersion: 3 }, NOW)).toMatch(
      /superseded/,
    );
    // New credentials through PUT/PATCH end the grace period.
    expect(
      rollbackRefusal(promoted, { credentialsVersion: 4, previousCredentialsVersion: null }, NOW),
    ).toMatch(/superseded/);
  });

  it('should refuse what was never promoted or is already undone', () => {
    for (const status of ['staged', 'verifying'] as const)
      expect(rollbackRefusal({ ...promoted, status }, rotatedRow, NOW)).toMatch(/in progress/);
    expect(rollbackRefusal({ ...promoted, status: 'failed' }, rotatedRow, NOW)).toMatch(/never promoted/);
    expect(rollbackRefusal({ ...promoted, status: 'rolled_back' }, rotatedRow, NOW)).toMatch(/already/);
  });
});
