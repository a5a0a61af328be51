import type { VerificationReport } from '../../verification/index.js';
import { classifyHealth, type HealthPolicy } from './health-classifier.js';

const NOW = Date.parse('2026-06-01T00:00:00Z');
const DAY = 86_400_000;
const POLICY: HealthPolicy = { slowMs: 5000, tlsExpiryWarningDays: 14, credentialsMaxAgeDays: 90 };

const report = (
  over: Omit<Partial<VerificationReport>, 'details'> & {
    details?: Partial<VerificationReport['details']>;
  } = {},
) =>
  ({
    success: true,
    message: 'connection verified',
    latency_ms: 40,
    steps: [],
    ...over,
    details: { truncated: false, warnings: [], ...over.details },
  }) as VerificationReport;

const classify = (r: VerificationReport, storedAt: Date | null = new Date(NOW - DAY)) =>
  classifyHealth(r, { now: NOW, credentialsStoredAt: storedAt }, POLICY);

describe('classifyHealth', () => {
  it('should call a fast, clean, working connection healthy', () => {
    expect(classify(report())).toMatchObject({ health: 'healthy', reasons: [] });
  });

  it.each([
    ['auth_failed', 'auth_failed'],
    ['unreachable', 'unreachable'],
    ['timeout', 'unreachable'],
    ['egress_denied', 'unreachable'],
    ['tls_error', 'tls_error'],
    ['permission_denied', 'permission_lost'],
    ['not_found', 'permission_lost'],
    ['invalid_config', 'unknown'],
  ] as const)('should map the failure %s to %s', (code, health) => {
    expect(classify(report({ success: false, details: { error_code: code } })).health).toBe(health);
  });

  it('should call a failure without a code unknown', () => {
    expect(classify(report({ success: false })).health).toBe('unknown');
  });

  it('should call lost selected tables permission_lost even when the login works', () => {
    expect(classify(report({ details: { missing_selected_tables: ['orders'] } })).health).toBe(
      'permission_lost',
    );
    expect(classify(report({ details: { unreadable_selected_tables: ['orders'] } })).health).toBe(
      'permission_lost',
    );
  });

  it('should call a slow or warned-about connection degraded, and say why', () => {
    expect(classify(report({ latency_ms: 5001 }))).toMatchObject({
      health: 'degraded',
      reasons: ['the check took 5001 ms (slow above 5000 ms)'],
    });
    expect(
      classify(report({ details: { warnings: ['this credential is a superuser; use a read-only role'] } }))
        .health,
    ).toBe('degraded');
  });

  it('should forecast the certificate expiry and degrade within the warning window only', () => {
    const soon = new Date(NOW + 10 * DAY).toISOString();
    const later = new Date(NOW + 30 * DAY).toISOString();
    expect(classify(report({ details: { tls_certificate_not_after: later } }))).toMatchObject({
      health: 'healthy',
      forecast: { tls_certificate_not_after: later },
    });
    expect(classify(report({ details: { tls_certificate_not_after: soon } }))).toMatchObject({
      health: 'degraded',
      reasons: ['the server certificate expires in 10 days'],
    });
  });

  it('should forecast when the credentials age out, and degrade once they have', () => {
    const young = classify(report(), new Date(NOW - 10 * DAY));
    expect(young).toMatchObject({
      health: 'healthy',
      forecast: {
        credentials_max_age_days: 90,
        credentials_expire_at: new Date(NOW + 80 * DAY).toISOString(),
      },
    });
    expect(classify(report(), new Date(NOW - 91 * DAY))).toMatchObject({ health: 'degraded' });
    expect(
      classifyHealth(
        report(),
        { now: NOW, credentialsStoredAt: new Date(NOW - 900 * DAY) },
        {
          ...POLICY,
          credentialsMaxAgeDays: 0,
        },
      ),
    ).toMatchObject({ health: 'healthy', forecast: { credentials_set_at: expect.any(String) } });
  });
});
