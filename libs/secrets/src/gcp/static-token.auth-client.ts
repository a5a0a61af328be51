/**
 * A minimal auth client for google-gax's REST transport: it adds a fixed bearer token and uses
 * the global fetch. For emulators and tests only, where no Google login exists; real deployments
 * use Application Default Credentials or GCP_CREDENTIALS_FILE.
 */
export class StaticTokenAuthClient {
  readonly universeDomain = 'googleapis.com';

  constructor(private readonly token: string) {}

  async getRequestHeaders(): Promise<Headers> {
    return new Headers({ authorization: `Bearer ${this.token}` });
  }

  async fetch(
    url: string | URL,
    init: Pick<RequestInit, 'method' | 'headers' | 'body' | 'signal'> = {},
  ): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set('authorization', `Bearer ${this.token}`);
    return fetch(url, { method: init.method, headers, body: init.body, signal: init.signal ?? undefined });
  }
}
