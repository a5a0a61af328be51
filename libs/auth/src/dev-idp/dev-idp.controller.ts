import { Controller, Get, Inject, Options, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AcceptsFormBody, AppException, Public } from '@app/core';
import type { AuthSettings } from '../auth.config.js';
import { KEYCLOAK_CERTS_PATH, ORG_SLUG } from '../auth.constants.js';
import { AUTH_SETTINGS, DEV_KEY_PAIR } from '../auth.tokens.js';
import { ProjectHeader } from '../decorators/project-header.decorator.js';
import type { DevKeyPair, PublicJwk } from '../keys/dev-key-store.js';
import { devIssuerFor } from '../trusted-issuers.js';
import { ConsoleClient } from './oidc/console-client.js';
import { DevOidcProvider, type Realm, SUPPORTED_SCOPES } from './oidc/dev-oidc.provider.js';
import { pageCspFor } from './oidc/login-page.js';
import { type BrowserOutcome, tokenError, type TokenOutcome } from './oidc/oidc-outcomes.js';

const OIDC = 'realms/:org/protocol/openid-connect';

/**
 * Keycloak-shaped endpoints of the embedded dev identity provider: discovery and keys for tools
 * that expect a real IdP, and the authorization code + PKCE flow for the web console. Registered
 * only in dev mode; kept out of the OpenAPI spec because it is not part of the product API.
 */
@ApiExcludeController()
@Public()
@ProjectHeader('none')
@Controller('dev-idp')
export class DevIdpController {
  constructor(
    @Inject(DEV_KEY_PAIR) private readonly key: DevKeyPair,
    @Inject(AUTH_SETTINGS) private readonly settings: AuthSettings,
    private readonly oidc: DevOidcProvider,
    private readonly client: ConsoleClient,
  ) {}

  @Get(`${OIDC}/certs`)
  certs(@Param('org') org: string): { keys: PublicJwk[] } {
    this.realm(org);
    return { keys: [this.key.jwk] };
  }

  @Get('realms/:org/.well-known/openid-configuration')
  discovery(@Param('org') org: string): Record<string, unknown> {
    const { issuer } = this.realm(org);
    const oidc = `${issuer}/protocol/openid-connect`;
    return {
      issuer,
      authorization_endpoint: `${oidc}/auth`,
      token_endpoint: `${oidc}/token`,
      end_session_endpoint: `${oidc}/logout`,
      jwks_uri: issuer + KEYCLOAK_CERTS_PATH,
      response_types_supported: ['code'],
      response_modes_supported: ['query'],
      grant_types_supported: ['authorization_code', 'refresh_token'],
      code_challenge_methods_supported: ['S256'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256'],
      token_endpoint_auth_methods_supported: ['none'],
      scopes_supported: SUPPORTED_SCOPES,
      claims_supported: [
        'iss',
        'sub',
        'aud',
        'exp',
        'iat',
        'nonce',
        'org_id',
        'actor_type',
        'preferred_username',
      ],
    };
  }

  @Get(`${OIDC}/auth`)
  authorize(@Param('org') org: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): void {
    const realm = this.realm(org);
    sendBrowser(
      reply,
      this.client.origins,
      this.oidc.authorize(realm, queryOf(request), request.headers.cookie),
    );
  }

  @Post(`${OIDC}/auth`)
  @AcceptsFormBody()
  login(@Param('org') org: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): void {
    const realm = this.realm(org);
    sendBrowser(reply, this.client.origins, this.oidc.login(realm, bodyOf(request), request.headers.cookie));
  }

  @Post(`${OIDC}/token`)
  @AcceptsFormBody()
  token(@Param('org') org: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): void {
    const realm = this.realm(org);
    this.allowConsoleOrigin(request, reply);
    const outcome = isForm(request)
      ? this.oidc.token(realm, bodyOf(request))
      : tokenError('invalid_request', 'Send the parameters as application/x-www-form-urlencoded');
    sendToken(reply, outcome);
  }

  /** The console calls the token endpoint from its own origin: the preflight of that call. */
  @Options(`${OIDC}/token`)
  tokenPreflight(
    @Param('org') org: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): void {
    this.realm(org);
    if (this.allowConsoleOrigin(request, reply))
      void reply
        .header('access-control-allow-methods', 'POST')
        .header('access-control-allow-headers', 'Content-Type')
        .header('access-control-max-age', '600');
    void reply.status(204).send();
  }

  @Get(`${OIDC}/logout`)
  logout(@Param('org') org: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): void {
    const realm = this.realm(org);
    sendBrowser(
      reply,
      this.client.origins,
      this.oidc.logout(realm, queryOf(request), request.headers.cookie),
    );
  }

  private realm(org: string): Realm {
    if (!ORG_SLUG.test(org) || !this.settings.devIssuerBase) throw AppException.notFound('Realm');
    return { org, issuer: devIssuerFor(this.settings.devIssuerBase, org) };
  }

  /** CORS for the console's origins only; any other origin gets no Access-Control-Allow-Origin. */
  private allowConsoleOrigin(request: FastifyRequest, reply: FastifyReply): boolean {
    void reply.header('vary', 'Origin');
    const origin = this.client.corsOrigin(request.headers.origin);
    if (origin) void reply.header('access-control-allow-origin', origin);
    return origin !== null;
  }
}

const queryOf = (request: FastifyRequest) => request.query as Record<string, unknown> | undefined;
const bodyOf = (request: FastifyRequest) =>
  isForm(request) ? (request.body as Record<string, unknown> | undefined) : undefined;
const isForm = (request: FastifyRequest): boolean =>
  (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase() ===
  'application/x-www-form-urlencoded';

function sendBrowser(reply: FastifyReply, consoleOrigins: readonly string[], outcome: BrowserOutcome): void {
  void reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
  if (outcome.cookies.length) void reply.header('set-cookie', outcome.cookies);
  if (outcome.kind === 'redirect') {
    void reply.redirect(outcome.location, 302);
    return;
  }
  void reply
    .status(outcome.status)
    .header('content-security-policy', pageCspFor(consoleOrigins))
    .header('x-frame-options', 'DENY')
    .header('x-content-type-options', 'nosniff')
    .type('text/html; charset=utf-8')
    .send(outcome.html);
}

function sendToken(reply: FastifyReply, outcome: TokenOutcome): void {
  void reply
    .status(outcome.status)
    .header('cache-control', 'no-store')
    .header('pragma', 'no-cache')
    .type('application/json; charset=utf-8')
    .send(outcome.body);
}
