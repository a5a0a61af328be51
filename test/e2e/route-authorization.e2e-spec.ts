import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { type DiscoveredRoute, discoverRoutes, UNPREFIXED_ROUTES } from '@app/core';
import { ASSETS_HTTP } from '../../apps/assets/src/assets.bootstrap.js';
import { GOVERNANCE_HTTP } from '../../apps/governance/src/governance.bootstrap.js';
import { startAssetsHarness, type AssetsHarness } from '../support/assets-harness.js';

/**
 * Routes Fastify serves outside Nest's controllers, public by design: Swagger UI and the OpenAPI
 * document, the web console's static files and config.json (apps/assets/src/console), and the
 * CORS preflight (`OPTIONS *`, Governance's browser CORS).
 */
const OUTSIDE_NEST = /^(\/docs([-/]|$)|\/console(\/|$)|\*$)/;

/** The only routes that may skip authentication. */
const PUBLIC_ROUTES = [
  'GET /health/live',
  'GET /health/ready',
  'GET /governance/dev-idp/realms/:org/.well-known/openid-configuration',
  'GET /governance/dev-idp/realms/:org/protocol/openid-connect/certs',
  // The dev IdP's authorization code flow for the web console (dev mode only).
  'GET /governance/dev-idp/realms/:org/protocol/openid-connect/auth',
  'POST /governance/dev-idp/realms/:org/protocol/openid-connect/auth',
  'POST /governance/dev-idp/realms/:org/protocol/openid-connect/token',
  'OPTIONS /governance/dev-idp/realms/:org/protocol/openid-connect/token',
  'GET /governance/dev-idp/realms/:org/protocol/openid-connect/logout',
];

interface App {
  name: string;
  app: NestFastifyApplication;
  prefix: string;
}

const urlOf = (route: DiscoveredRoute, prefix: string) =>
  UNPREFIXED_ROUTES.includes(route.path) ? `/${route.path}` : `/${prefix}/${route.path}`;
const nameOf = (route: DiscoveredRoute, prefix: string) =>
  `${route.method} ${urlOf(route, prefix)} (${route.handler})`;

/** `METHOD /path` of every route in Fastify's router, read from its printed radix tree. */
function fastifyRoutes(app: NestFastifyApplication): string[] {
  const stack: string[] = [];
  const routes: string[] = [];
  for (const line of app.getHttpAdapter().getInstance().printRoutes().split('\n')) {
    const match = /^((?:│ {3}| {4})*)[├└]── (.+?)(?: \(([^)]*)\))?$/.exec(line);
    if (!match) continue;
    const depth = match[1].length / 4;
    stack.length = depth;
    // With routes of more than one first character (CORS adds `OPTIONS *`), the root prints as this.
    stack.push(match[2] === '(empty root node)' ? '' : match[2]);
    // HEAD is added by Fastify for every GET.
    const methods = (match[3] ?? '').split(', ').filter((m) => m && m !== 'HEAD');
    for (const method of methods) routes.push(`${method} ${stack.join('')}`);
  }
  return routes;
}

describe('Route authorization (e2e)', () => {
  let h: AssetsHarness;
  let apps: App[];

  beforeAll(async () => {
    // Assets' harness also runs Governance in process: both apps, wired as in dev mode.
    h = await startAssetsHarness();
    apps = [
      { name: 'assets', app: h.app, prefix: ASSETS_HTTP.prefix },
      { name: 'governance', app: h.governance.app, prefix: GOVERNANCE_HTTP.prefix },
    ];
  });

  afterAll(async () => {
    await h?.close();
  });

  it("should discover every route in each app's router, and nothing else", () => {
    for (const { app, prefix } of apps) {
      // Fastify answers HEAD for every GET, and a declared HEAD sits beside a GET of the same path.
      const discovered = discoverRoutes(app)
        .filter((route) => route.method !== 'HEAD')
        .map((route) => `${route.method} ${urlOf(route, prefix)}`);
      const served = fastifyRoutes(app).filter((route) => !OUTSIDE_NEST.test(route.split(' ')[1]));
      expect(discovered.length).toBeGreaterThanOrEqual(10);
      expect([...discovered].sort()).toEqual([...served].sort());
    }
  });

  it('should declare how every route of both apps is authorized', () => {
    const undeclared = apps.flatMap(({ app, prefix }) =>
      discoverRoutes(app)
        .filter((route) => !route.authorization)
        .map((route) => nameOf(route, prefix)),
    );
    expect(undeclared).toEqual([]);
  });

  it('should pair each guard-checked declaration with the guard that checks it', () => {
    const unguarded = apps.flatMap(({ app, prefix }) =>
      discoverRoutes(app)
        .filter((route) => {
          const declared = route.authorization;
          if (declared?.kind === 'permission') return !route.guards.includes('PermissionGuard');
          if (declared?.kind === 'trusted-service') return !route.guards.includes(declared.guard);
          return false;
        })
        .map((route) => nameOf(route, prefix)),
    );
    expect(unguarded).toEqual([]);
  });

  it('should give a reason on every route authorized in a service or open to any caller', () => {
    const unexplained = apps.flatMap(({ app, prefix }) =>
      discoverRoutes(app)
        .filter((route) => {
          const declared = route.authorization;
          return (
            (declared?.kind === 'service' || declared?.kind === 'authenticated') &&
            declared.reason.trim().length < 10
          );
        })
        .map((route) => nameOf(route, prefix)),
    );
    expect(unexplained).toEqual([]);
  });

  it('should leave only health and the dev IdP public', () => {
    const open = apps.flatMap(({ app, prefix }) =>
      discoverRoutes(app)
        .filter((route) => route.authorization?.kind === 'public')
        .map((route) => `${route.method} ${urlOf(route, prefix)}`),
    );
    expect([...new Set(open)].sort()).toEqual([...PUBLIC_ROUTES].sort());
  });
});
