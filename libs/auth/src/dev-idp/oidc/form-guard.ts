import { createHmac, timingSafeEqual } from 'node:crypto';
import { randomToken } from './pkce.js';

/**
 * CSRF protection of the login form: the form carries HMAC(browser nonce, its own parameters),
 * the nonce lives in an HttpOnly cookie of the realm. A POST from another site (or with a form
 * fetched by someone else, or with parameters swapped) does not match.
 */
export class FormGuard {
  // Per process: a restart only asks the user to reload the form.
  private readonly secret = randomToken();

  newBrowserNonce(): string {
    return randomToken();
  }

  tokenFor(browserNonce: string, params: readonly string[]): string {
    return createHmac('sha256', this.secret)
      .update(JSON.stringify([browserNonce, ...params]))
      .digest('base64url');
  }

  verify(browserNonce: string | undefined, params: readonly string[], token: string | undefined): boolean {
    if (!browserNonce || !token) return false;
    const expected = Buffer.from(this.tokenFor(browserNonce, params));
    const given = Buffer.from(token);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}
