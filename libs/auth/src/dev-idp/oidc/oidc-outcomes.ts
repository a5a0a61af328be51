/** What a dev IdP endpoint answers, for the controller to write as it is. */

export interface PageOutcome {
  kind: 'page';
  status: number;
  html: string;
  cookies: string[];
}

export interface RedirectOutcome {
  kind: 'redirect';
  location: string;
  cookies: string[];
}

export type BrowserOutcome = PageOutcome | RedirectOutcome;

export type TokenErrorCode =
  'invalid_request' | 'invalid_grant' | 'unsupported_grant_type' | 'invalid_client';

/** RFC 6749 §5.1 / §5.2: JSON, never cached. */
export interface TokenOutcome {
  status: number;
  body: Record<string, unknown>;
}

export const tokenError = (error: TokenErrorCode, description: string): TokenOutcome => ({
  status: 400,
  body: { error, error_description: description },
});

/** A request's parameters as Fastify parsed them (a repeated one is an array). */
export type RawParams = Record<string, unknown> | null | undefined;

/**
 * Each named parameter once (RFC 6749 §3.1: none may repeat), absent when empty; `null` when one
 * is repeated or not text.
 */
export function singleParams<K extends string>(
  raw: RawParams,
  names: readonly K[],
): Partial<Record<K, string>> | null {
  const values: Partial<Record<K, string>> = {};
  for (const name of names) {
    const value = raw?.[name];
    if (value === undefined || value === '') continue;
    if (typeof value !== 'string') return null;
    values[name] = value;
  }
  return values;
}
