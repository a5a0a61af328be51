import type { ConsoleSettings } from './console.settings.js';

/**
 * A strict policy: scripts and styles from this origin only (the build inlines neither), API
 * calls to Governance and the identity provider's token endpoint, no framing, no <base>.
 */
export function contentSecurityPolicyOf(settings: ConsoleSettings): string {
  const governance = originOf(settings.governanceUrl);
  const issuer = originOf(settings.oidcBase);
  const connect = unique(["'self'", governance, issuer]);
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src ${connect.join(' ')}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
    `form-action ${unique(["'self'", issuer]).join(' ')}`,
    "object-src 'none'",
  ].join('; ');
}

/** Headers on every console answer. */
export function securityHeadersOf(settings: ConsoleSettings): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicyOf(settings),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    'cross-origin-opener-policy': 'same-origin',
  };
}

function originOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

function unique(values: (string | null)[]): string[] {
  return [...new Set(values.filter((value): value is string => Boolean(value)))];
}
