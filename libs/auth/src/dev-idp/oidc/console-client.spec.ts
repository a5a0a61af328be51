import { resolveAuthSettings, loadAuthConfig } from '../../auth.config.js';
import { ConsoleClient } from './console-client.js';

describe(ConsoleClient.name, () => {
  const client = new ConsoleClient(
    resolveAuthSettings(loadAuthConfig({ ASSETS_PORT: '8002' })).devConsoleClient!,
  );

  it('should allow the default redirect URIs, derived from ASSETS_PORT, exactly', () => {
    expect(client.allowsRedirect('http://localhost:8002/console/callback')).toBe(true);
    expect(client.allowsRedirect('http://127.0.0.1:8002/console/callback')).toBe(true);
    for (const lookalike of [
      'http://localhost:8002/console/callback/',
      'http://localhost:8002/console/callback?x=1',
      'http://localhost:8002/console/callback#x',
      'http://LOCALHOST:8002/console/callback',
      'http://localhost:8002/console/callback/../callback',
      'http://localhost:80021/console/callback',
      'https://localhost:8002/console/callback',
      'http://localhost:8003/console/callback',
      'http://localhost:8002/console/Callback',
    ])
      expect(client.allowsRedirect(lookalike)).toBe(false);
    expect(client.allowsRedirect(undefined)).toBe(false);
  });

  it('should allow the same origins + /console/ after logout', () => {
    expect(client.allowsPostLogoutRedirect('http://localhost:8002/console/')).toBe(true);
    expect(client.allowsPostLogoutRedirect('http://127.0.0.1:8002/console/')).toBe(true);
    expect(client.allowsPostLogoutRedirect('http://localhost:8002/console')).toBe(false);
    expect(client.allowsPostLogoutRedirect('http://localhost:8002/')).toBe(false);
  });

  it('should answer CORS for the console origins only', () => {
    expect(client.corsOrigin('http://localhost:8002')).toBe('http://localhost:8002');
    expect(client.corsOrigin('http://localhost:8001')).toBeNull();
    expect(client.corsOrigin('null')).toBeNull();
  });

  it('should take AUTH_DEV_CONSOLE_REDIRECT_URIS, and refuse ones that cannot be matched', () => {
    const custom = resolveAuthSettings(
      loadAuthConfig({
        AUTH_DEV_CONSOLE_REDIRECT_URIS: 'https://console.test/cb, http://localhost:5173/console/callback',
      }),
    ).devConsoleClient!;
    expect(custom).toEqual({
      redirectUris: ['https://console.test/cb', 'http://localhost:5173/console/callback'],
      origins: ['https://console.test', 'http://localhost:5173'],
      postLogoutRedirectUris: ['https://console.test/console/', 'http://localhost:5173/console/'],
    });
    expect(() => loadAuthConfig({ AUTH_DEV_CONSOLE_REDIRECT_URIS: 'javascript:alert(1)' })).toThrow(
      /AUTH_DEV_CONSOLE_REDIRECT_URIS/,
    );
    expect(() => loadAuthConfig({ AUTH_DEV_CONSOLE_REDIRECT_URIS: 'http://a.test/cb#x' })).toThrow(
      /fragments/,
    );
  });

  it('should have no client outside dev mode', () => {
    const settings = resolveAuthSettings(loadAuthConfig({ AUTH_KEYCLOAK_URL: 'https://id.example.com' }));
    expect(settings.devConsoleClient).toBeNull();
  });
});
