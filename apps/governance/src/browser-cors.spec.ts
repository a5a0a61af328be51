import { browserOriginsOf } from './browser-cors.js';

describe(browserOriginsOf.name, () => {
  const consoleUris = 'http://localhost:8002/console/callback,http://127.0.0.1:8002/console/callback';

  it("should default in dev to the console redirect URIs' origins", () => {
    expect(browserOriginsOf(undefined, consoleUris, { NODE_ENV: 'development' })).toEqual([
      'http://localhost:8002',
      'http://127.0.0.1:8002',
    ]);
    expect(browserOriginsOf('', consoleUris, {})).toHaveLength(2);
  });

  it('should allow no origin by default in production', () => {
    expect(browserOriginsOf(undefined, consoleUris, { NODE_ENV: 'production' })).toEqual([]);
  });

  it('should take CORS_ORIGINS as listed, in any mode', () => {
    expect(
      browserOriginsOf('https://console.example.com, http://localhost:5173', consoleUris, {
        NODE_ENV: 'production',
      }),
    ).toEqual(['https://console.example.com', 'http://localhost:5173']);
  });

  it.each([
    '*',
    'https://console.example.com/',
    'https://console.example.com/app',
    'console.example.com',
    'null',
  ])('should refuse %s, naming CORS_ORIGINS', (origin) => {
    expect(() => browserOriginsOf(origin, consoleUris, {})).toThrow(/CORS_ORIGINS/);
  });
});
