import { jest } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type ArgumentsHost,
  Catch,
  Controller,
  type ExceptionFilter,
  Get,
  HttpException,
} from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Test } from '@nestjs/testing';
import type { FastifyReply } from 'fastify';
import request from 'supertest';
import { AppException, type Principal, Public } from '@app/core';
import { loadAuthConfig } from './auth.config.js';
import { AuthModule } from './auth.module.js';
import { CurrentPrincipal, CurrentProject } from './decorators/current.decorators.js';
import { ProjectHeader } from './decorators/project-header.decorator.js';
import { DevTokenIssuer } from './dev-idp/dev-token.issuer.js';
import { DEV_KEY_PAIR } from './auth.tokens.js';
import type { DevKeyPair } from './keys/dev-key-store.js';
import type { ProjectDirectory } from './project-directory.js';
import { signTestJwt } from './testing/index.js';
import { BearerTokenVerifier } from './bearer-token.verifier.js';

/** Stand-in for the lead's global envelope filter (libs/core), enough to read codes and statuses. */
@Catch()
class TestEnvelopeFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const status =
      exception instanceof AppException
        ? exception.status
        : exception instanceof HttpException
          ? exception.getStatus()
          : 500;
    const code = exception instanceof AppException ? exception.code : 'OTHER';
    const message = exception instanceof AppException ? exception.message : 'error';
    void reply.status(status).send({ error: { code, message, status } });
  }
}

const view = (principal: Principal | undefined, project: string | null) => ({
  user: principal?.userId ?? null,
  org: principal?.orgId ?? null,
  project,
});

@Controller('probe')
class ProbeController {
  @Public()
  @Get('public')
  open(@CurrentPrincipal() principal: Principal | undefined) {
    return { open: true, principal: principal ?? null };
  }

  @Get('required')
  required(@CurrentPrincipal() principal: Principal, @CurrentProject() project: string | null) {
    return view(principal, project);
  }

  @ProjectHeader('optional')
  @Get('optional')
  optional(@CurrentPrincipal() principal: Principal, @CurrentProject() project: string | null) {
    return view(principal, project);
  }

  @ProjectHeader('none')
  @Get('none')
  none(@CurrentPrincipal() principal: Principal, @CurrentProject() project: string | null) {
    return view(principal, project);
  }
}

@ProjectHeader('optional')
@Controller('org-level')
class OrgLevelController {
  @Get()
  list(@CurrentProject() project: string | null) {
    return { project };
  }

  @ProjectHeader('required')
  @Get('strict')
  strict(@CurrentProject() project: string | null) {
    return { project };
  }
}

class FakeProjectDirectory implements ProjectDirectory {
  readonly calls: Array<[string, string, string]> = [];
  private readonly known = new Set(['acme/alpha', 'globex/beta']);

  async exists(orgId: string, projectId: string, principal: Principal): Promise<boolean> {
    this.calls.push([orgId, projectId, principal.userId]);
    if (projectId === 'explode') throw new Error('connection refused');
    return this.known.has(`${orgId}/${projectId}`);
  }
}

async function createApp(
  env: Record<string, string>,
  directory: ProjectDirectory,
): Promise<NestFastifyApplication> {
  const moduleRef = await Test.createTestingModule({
    imports: [AuthModule.forRoot(loadAuthConfig(env), { projectDirectory: { useValue: directory } })],
    controllers: [ProbeController, OrgLevelController],
  }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter());
  app.useGlobalFilters(new TestEnvelopeFilter());
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

describe(AuthModule.name, () => {
  let dir: string;
  let app: NestFastifyApplication;
  let directory: FakeProjectDirectory;
  let alice: string;
  let devKey: DevKeyPair;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'auth-module-'));
    directory = new FakeProjectDirectory();
    app = await createApp(
      { AUTH_DATA_DIR: dir, AUTH_DEV_ISSUER_BASE: 'http://localhost:8001/governance/dev-idp' },
      directory,
    );
    alice = app.get(DevTokenIssuer).issue({ sub: 'alice', org: 'acme' });
    devKey = app.get<DevKeyPair>(DEV_KEY_PAIR);
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    directory.calls.length = 0;
  });

  const get = (path: string, headers: Record<string, string> = {}) =>
    request(app.getHttpServer()).get(path).set(headers);
  const auth = (token: string, project?: string) => ({
    authorization: `Bearer ${token}`,
    ...(project === undefined ? {} : { 'x-project-id': project }),
  });

  it('should leave @Public() routes open', async () => {
    const res = await get('/probe/public');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ open: true, principal: null });
  });

  it.each([
    ['no token', {}],
    ['a non-bearer scheme', { authorization: `Basic ${Buffer.from('a:b').toString('base64')}` }],
    ['garbage', { authorization: 'Bearer not.a.jwt' }],
  ])('should answer 401 INVALID_TOKEN to %s', async (_name, headers) => {
    const res = await get('/probe/required', { ...headers, 'x-project-id': 'alpha' });
    expect(res.status).toBe(401);
    expect(res.body.error).toEqual({
      code: 'INVALID_TOKEN',
      message: 'Missing or invalid bearer token',
      status: 401,
    });
    expect(directory.calls).toHaveLength(0);
  });

  it('should give the same generic 401 for expired, wrong-audience, HS256 and untrusted-issuer tokens', async () => {
    const iss = 'http://localhost:8001/governance/dev-idp/realms/acme';
    const tokens = [
      signTestJwt({ key: devKey.privateKey, header: { kid: devKey.kid }, claims: { iss }, ttlSeconds: -60 }),
      signTestJwt({
        key: devKey.privateKey,
        header: { kid: devKey.kid },
        claims: { iss, aud: 'someone-else' },
      }),
      signTestJwt({
        alg: 'HS256',
        key: devKey.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
        claims: { iss },
      }),
      signTestJwt({
        key: devKey.privateKey,
        header: { kid: devKey.kid },
        claims: { iss: 'https://evil.example.com/realms/acme' },
      }),
    ];
    for (const token of tokens) {
      const res = await get('/probe/required', auth(token, 'alpha'));
      expect(res.status).toBe(401);
      expect(res.body.error.message).toBe('Missing or invalid bearer token');
      expect(JSON.stringify(res.body)).not.toContain(token);
    }
  });

  describe(BearerTokenVerifier.name, () => {
    const verifier = () => app.get(BearerTokenVerifier);

    it("should verify a token that came without a request of its own, to the same principal as the guard's", async () => {
      const viaGuard = await get('/probe/required', auth(alice, 'alpha')).expect(200);
      const token = app.get(DevTokenIssuer).issue({ sub: 'bob', org: 'acme' });
      const principal = await verifier().verify(token);
      expect(principal).toMatchObject({ userId: 'bob', orgId: 'acme', actorType: 'user', token });
      expect(viaGuard.body).toMatchObject({ user: 'alice', org: 'acme' });
      // The guard and the verifier share one cache: the guard now knows bob's token.
      expect(verifier().cache.lookup(token)).toMatchObject({ userId: 'bob' });
    });

    it('should refuse garbage, expired, wrong-audience and untrusted-issuer tokens with the one 401', async () => {
      const iss = 'http://localhost:8001/governance/dev-idp/realms/acme';
      const sign = (claims: Record<string, unknown>, ttlSeconds?: number) =>
        signTestJwt({ key: devKey.privateKey, header: { kid: devKey.kid }, claims, ttlSeconds });
      for (const token of [
        'not.a.jwt',
        '',
        sign({ iss }, -60),
        sign({ iss, aud: 'someone-else' }),
        sign({ iss: 'https://evil.example.com/realms/acme' }),
      ]) {
        const refused = await verifier()
          .verify(token)
          .catch((error: unknown) => error);
        expect(refused).toBeInstanceOf(AppException);
        expect(refused).toMatchObject({ status: 401, code: 'INVALID_TOKEN' });
        expect(verifier().cache.lookup(token)).toBeNull();
      }
    });
  });

  it('should refuse a token once it has expired, although it was verified (and cached) before', async () => {
    const token = app.get(DevTokenIssuer).issue({ sub: 'alice', org: 'acme', ttlSeconds: 30 });
    const now = Date.now();
    const clock = jest.spyOn(Date, 'now');
    try {
      clock.mockReturnValue(now);
      expect((await get('/probe/required', auth(token, 'alpha'))).status).toBe(200);
      clock.mockReturnValue(now + 20_000);
      expect((await get('/probe/required', auth(token, 'alpha'))).status).toBe(200);
      clock.mockReturnValue(now + 36_000); // past exp and the 5 s clock tolerance
      const res = await get('/probe/required', auth(token, 'alpha'));
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('INVALID_TOKEN');
    } finally {
      clock.mockRestore();
    }
  });

  it('should pass a valid token and an existing project to the handler', async () => {
    const res = await get('/probe/required', auth(alice, 'alpha'));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ user: 'alice', org: 'acme', project: 'alpha' });
    expect(directory.calls).toEqual([['acme', 'alpha', 'alice']]);
  });

  it('should require X-Project-ID on undecorated routes', async () => {
    const res = await get('/probe/required', auth(alice));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('INVALID_REQUEST');
  });

  it.each(['Alpha', 'a', '-alpha', 'alpha/../beta', 'x'.repeat(64)])(
    'should answer 400 to the malformed project id %j',
    async (project) => {
      const res = await get('/probe/optional', auth(alice, project));
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('INVALID_REQUEST');
      expect(res.body.error.message).toBe('The X-Project-ID header must be a project slug');
      expect(directory.calls).toHaveLength(0);
    },
  );

  it('should answer 404 for a project outside the token’s org', async () => {
    const res = await get('/probe/required', auth(alice, 'beta'));
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ code: 'RESOURCE_NOT_FOUND', message: 'Project not found' });
    expect(directory.calls).toEqual([['acme', 'beta', 'alice']]);
  });

  it('should answer 503 when the project directory fails', async () => {
    const res = await get('/probe/required', auth(alice, 'explode'));
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('SERVICE_UNAVAILABLE');
    expect(JSON.stringify(res.body)).not.toContain('connection refused');
  });

  it('should act at org level when an optional header is omitted', async () => {
    await expect(get('/probe/optional', auth(alice)).then((r) => [r.status, r.body])).resolves.toEqual([
      200,
      { user: 'alice', org: 'acme', project: null },
    ]);
    await expect(get('/probe/optional', auth(alice, 'alpha')).then((r) => r.body.project)).resolves.toBe(
      'alpha',
    );
    expect(directory.calls).toEqual([['acme', 'alpha', 'alice']]);
  });

  it('should ignore the header on @ProjectHeader("none") routes', async () => {
    const res = await get('/probe/none', auth(alice, 'Not A Slug'));
    expect(res.status).toBe(200);
    expect(res.body.project).toBeNull();
    expect(directory.calls).toHaveLength(0);
  });

  it('should let a handler policy override the controller policy', async () => {
    await expect(get('/org-level', auth(alice)).then((r) => [r.status, r.body])).resolves.toEqual([
      200,
      { project: null },
    ]);
    await expect(get('/org-level/strict', auth(alice)).then((r) => r.status)).resolves.toBe(400);
    await expect(get('/org-level/strict', auth(alice, 'alpha')).then((r) => r.body)).resolves.toEqual({
      project: 'alpha',
    });
  });

  it('should serve the dev JWKS and discovery document publicly', async () => {
    const certs = await get('/dev-idp/realms/acme/protocol/openid-connect/certs');
    expect(certs.status).toBe(200);
    expect(certs.body.keys).toEqual([devKey.jwk]);
    expect(JSON.stringify(certs.body)).not.toMatch(/"d"|"p"|"q"/);
    const discovery = await get('/dev-idp/realms/acme/.well-known/openid-configuration');
    expect(discovery.body).toMatchObject({
      issuer: 'http://localhost:8001/governance/dev-idp/realms/acme',
      jwks_uri: 'http://localhost:8001/governance/dev-idp/realms/acme/protocol/openid-connect/certs',
    });
    await expect(
      get('/dev-idp/realms/Not_A_Realm/protocol/openid-connect/certs').then((r) => r.status),
    ).resolves.toBe(404);
  });

  it('should document X-Project-ID per policy and keep the dev IdP out of OpenAPI', () => {
    const doc = SwaggerModule.createDocument(app, new DocumentBuilder().build());
    const header = (path: string) =>
      (
        doc.paths[path]?.get?.parameters as
          Array<{ name: string; in: string; required?: boolean }> | undefined
      )?.find((p) => p.in === 'header');
    expect(header('/probe/optional')).toMatchObject({ name: 'X-Project-ID', required: false });
    expect(header('/org-level/strict')).toMatchObject({ name: 'X-Project-ID', required: true });
    expect(header('/probe/none')).toBeUndefined();
    expect(header('/org-level')).toMatchObject({ name: 'X-Project-ID', required: false });
    expect(
      doc.paths['/org-level/strict'].get?.parameters?.filter((p) => 'in' in p && p.in === 'header'),
    ).toHaveLength(1);
    expect(Object.keys(doc.paths).some((p) => p.startsWith('/dev-idp'))).toBe(false);
  });

  it('should keep two apps in one process on their own settings', async () => {
    const otherDirectory = new FakeProjectDirectory();
    const other = await createApp({ AUTH_DATA_DIR: dir, AUTH_AUDIENCE: 'governance-only' }, otherDirectory);
    try {
      const forOther = other.get(DevTokenIssuer).issue({ sub: 'bob', org: 'globex' });
      // Same data dir, same key: each app accepts only its own audience.
      expect(other.get<DevKeyPair>(DEV_KEY_PAIR).kid).toBe(devKey.kid);
      await expect(
        request(other.getHttpServer())
          .get('/probe/required')
          .set(auth(forOther, 'beta'))
          .then((r) => r.status),
      ).resolves.toBe(200);
      await expect(
        request(other.getHttpServer())
          .get('/probe/required')
          .set(auth(alice, 'alpha'))
          .then((r) => r.status),
      ).resolves.toBe(401);
      await expect(get('/probe/required', auth(forOther, 'beta')).then((r) => r.status)).resolves.toBe(401);
      await expect(get('/probe/required', auth(alice, 'alpha')).then((r) => r.status)).resolves.toBe(200);
    } finally {
      await other.close();
    }
    // Closing one app must not unregister the other's strategy.
    await expect(get('/probe/required', auth(alice, 'alpha')).then((r) => r.status)).resolves.toBe(200);
  });
});
