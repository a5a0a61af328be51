import type { DevConsoleClientSettings } from '../../auth.config.js';

export const CONSOLE_CLIENT_ID = 'assets-console';

/**
 * The dev IdP's only client: the public web console. Every URI is compared exactly (no prefix,
 * no normalisation), so a look-alike URI is unknown and is never redirected to.
 */
export class ConsoleClient {
  readonly id = CONSOLE_CLIENT_ID;

  constructor(private readonly settings: DevConsoleClientSettings) {}

  /** The origins of the redirect URIs (where the login form's answer sends the browser). */
  get origins(): readonly string[] {
    return this.settings.origins;
  }

  isClient(clientId: unknown): boolean {
    return clientId === this.id;
  }

  allowsRedirect(uri: unknown): uri is string {
    return typeof uri === 'string' && this.settings.redirectUris.includes(uri);
  }

  allowsPostLogoutRedirect(uri: unknown): uri is string {
    return typeof uri === 'string' && this.settings.postLogoutRedirectUris.includes(uri);
  }

  /** The origin to echo in Access-Control-Allow-Origin, or null when it is not the console's. */
  corsOrigin(origin: unknown): string | null {
    return typeof origin === 'string' && this.settings.origins.includes(origin) ? origin : null;
  }
}
