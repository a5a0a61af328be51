import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import request from 'supertest';
import { FakeInfisicalServer, type FakeInfisicalOptions } from '@app/testing';
import { startGovernanceHarness, type GovernanceHarness } from '../support/governance-harness.js';
import { infisicalEnv } from '../support/infisical-env.js';

const ORG = 'acme';
const PROJECT = 'infisical-e2e';
const SECRETS = '/governance/resources/projects/secrets';

async function start(
  options: FakeInfisicalOptions,
  overrides: (fake: FakeInfisicalServer) => NodeJS.ProcessEnv = () => ({}),
) {
  const fake = await FakeInfisicalServer.start({ environments: ['prod'], ...options });
  const h = await startGovernanceHarness({ env: infisicalEnv(fake, overrides(fake)) });
  return { fake, h, http: h.app.getHttpServer() };
}

describe('Governance on Infisical (e2e)', () => {
  describe('readiness', () => {
    it.each([
      [
        'INFISICAL_CLIENT_SECRET',
        () => ({ INFISICAL_CLIENT_SECRET: 'wrong-client-secret-7d1e' }),
        'wrong-client-secret-7d1e',
        /401/,
      ],
      ['INFISICAL_ENVIRONMENT', () => ({ INFISICAL_ENVIRONMENT: 'prdo' }), 'prdo', /200/],
      [
        'INFISICAL_PROJECT_ID',
        () => ({ INFISICAL_PROJECT_ID: 'no-such-project-4f2a' }),
        'no-such-project-4f2a',
        /500 Failed to find project/,
      ], // the 2024 build's answer
    ] as const)(
      'should stay not-ready naming %s and what Infisical answered, in the body and one log line',
      async (variable, overrides, value, answer) => {
        const { fake, h, http } = await start({}, overrides);
        const warn = jest.spyOn(Logger.prototype, 'warn');
        try {
          const res = await request(http).get('/health/ready').expect(503);
          const body = JSON.stringify(res.body);
          expect(res.body.error.message).toContain(variable);
          expect(res.body.error.message).toMatch(answer);
          expect(body).not.toContain(value);
          const lines = warn.mock.calls
            .map((args) => JSON.stringify(args))
            .filter((line) => line.includes(variable));
          expect(lines).toHaveLength(1);
          expect(lines[0]).not.toContain(value);
        } finally {
          warn.mockRestore();
          await h.close();
          await fake.stop();
        }
      },
    );
  });

  describe('serving secrets', () => {
    let fake: FakeInfisicalServer;
    let h: GovernanceHarness;
    let http: ReturnType<GovernanceHarness['app']['getHttpServer']>;
    let alice: string;

    beforeAll(async () => {
      ({ fake, h, http } = await start({ accessTokenTTL: 60, accessTokenMaxTTL: 3600 }, () => ({
        INFISICAL_TIMEOUT_MS: '2000',
      })));
      await h.createOrg(ORG, 'alice');
      alice = h.bearer('alice', ORG);
      await request(http)
        .post('/governance/projects')
        .set('authorization', alice)
        .send({ id: PROJECT, name: 'Infisical' })
        .expect(201);
    });
    afterAll(async () => {
      await h?.close();
      await fake?.stop();
    });
    const as = (method: 'get' | 'post' | 'put', path: string) =>
      request(http)[method](path).set('authorization', alice).set('x-project-id', PROJECT);

    it('should keep serving after the access token expires, and say ready', async () => {
      await as('post', SECRETS).send({ name: 'expiring', value: 'v1', description: 'kept' }).expect(201);
      fake.advance(61_000); // the token row's TTL is over; the server now answers 401
      await expect(as('get', `${SECRETS}/expiring`).expect(200)).resolves.toMatchObject({
        body: { value: 'v1' },
      });
      const put = await as('put', `${SECRETS}/expiring`).send({ value: 'v2' }).expect(200);
      expect(put.body).toMatchObject({ version: 2, description: 'kept' });
      await request(http).get('/health/ready').expect(200);
    });

    it('should answer 429 with Retry-After when Infisical throttles longer than the deadline', async () => {
      fake.secretsRateLimit = 0;
      try {
        const res = await as('post', SECRETS).send({ name: 'throttled', value: 'v' }).expect(429);
        expect(res.body.error).toMatchObject({
          code: 'RATE_LIMIT_EXCEEDED',
          details: { dependency: 'infisical' },
        });
        expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      } finally {
        fake.secretsRateLimit = Number.POSITIVE_INFINITY;
      }
      await as('get', `${SECRETS}/throttled`).expect(404);
    });
  });
});
