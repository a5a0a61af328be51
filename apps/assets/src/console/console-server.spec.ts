import 'reflect-metadata';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Test } from '@nestjs/testing';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { ConsoleModule } from './console.module.js';
import type { ConsoleSettings } from './console.settings.js';

describe('ConsoleServer', () => {
  let dir: string;
  let app: NestFastifyApplication;
  const settings = (distDir: string): ConsoleSettings => ({
    distDir,
    oidcBase: 'http://localhost:22801/governance/dev-idp',
    clientId: 'assets-console',
    governanceUrl: 'http://localhost:22801',
  });
  const boot = async (distDir: string) => {
    const module = await Test.createTestingModule({
      imports: [ConsoleModule.register(settings(distDir))],
    }).compile();
    app = module.createNestApplication<NestFastifyApplication>(new FastifyAdapter());
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'console-dist-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(join(dir, 'assets', 'index-AbC123.js'), 'console.log(1)');
  });
  afterEach(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers client routes with index.html, not cached, under a strict CSP', async () => {
    await boot(dir);
    const response = await app.inject({
      method: 'GET',
      url: '/console/connections/data:acme:p:db?project=p',
    });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('id="root"');
    expect(response.headers['cache-control']).toBe('no-cache');
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("connect-src 'self' http://localhost:22801;");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("form-action 'self' http://localhost:22801");
    expect(csp).not.toContain('unsafe');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
  });

  it('serves hashed assets for a year and refuses anything outside them', async () => {
    await boot(dir);
    const asset = await app.inject({ method: 'GET', url: '/console/assets/index-AbC123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toContain('text/javascript');
    expect(asset.headers['cache-control']).toContain('immutable');
    for (const url of [
      '/console/assets/missing.js',
      '/console/assets/..%2Findex.html',
      '/console/assets/index-AbC123.exe',
    ])
      expect((await app.inject({ method: 'GET', url })).statusCode).toBe(404);
  });

  it('gives the SPA its public settings at /console/config.json, never cached', async () => {
    await boot(dir);
    const response = await app.inject({ method: 'GET', url: '/console/config.json' });
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.json()).toEqual({
      oidc_base: 'http://localhost:22801/governance/dev-idp',
      client_id: 'assets-console',
      governance_url: 'http://localhost:22801',
    });
  });

  it('says how to build the console when it is not built', async () => {
    await boot(join(dir, 'nowhere'));
    const response = await app.inject({ method: 'GET', url: '/console/' });
    expect(response.statusCode).toBe(503);
    expect(response.body).toContain('npm run console:build');
    expect((await app.inject({ method: 'GET', url: '/console' })).headers.location).toBe('/console/');
  });
});
