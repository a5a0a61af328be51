import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { AppException, Public } from '@app/core';
import type { AuthSettings } from '../auth.config.js';
import { KEYCLOAK_CERTS_PATH, ORG_SLUG } from '../auth.constants.js';
import { AUTH_SETTINGS, DEV_KEY_PAIR } from '../auth.tokens.js';
import { ProjectHeader } from '../decorators/project-header.decorator.js';
import type { DevKeyPair, PublicJwk } from '../keys/dev-key-store.js';
import { devIssuerFor } from '../trusted-issuers.js';

/**
 * Keycloak-shaped endpoints of the embedded dev identity provider, so tools that expect
 * a real IdP can discover the dev keys. Registered only in dev mode; kept out of the
 * OpenAPI spec because it is not part of the product API.
 */
@ApiExcludeController()
@Public()
@ProjectHeader('none')
@Controller('dev-idp')
export class DevIdpController {
  constructor(
    @Inject(DEV_KEY_PAIR) private readonly key: DevKeyPair,
    @Inject(AUTH_SETTINGS) private readonly settings: AuthSettings,
  ) {}

  @Get('realms/:org/protocol/openid-connect/certs')
  certs(@Param('org') org: string): { keys: PublicJwk[] } {
    this.issuer(org);
    return { keys: [this.key.jwk] };
  }

  @Get('realms/:org/.well-known/openid-configuration')
  discovery(@Param('org') org: string): Record<string, unknown> {
    const issuer = this.issuer(org);
    return {
      issuer,
      jwks_uri: issuer + KEYCLOAK_CERTS_PATH,
      response_types_supported: ['token'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256'],
      token_endpoint_auth_methods_supported: [],
      claims_supported: ['iss', 'sub', 'aud', 'exp', 'iat', 'org_id', 'actor_type'],
    };
  }

  private issuer(org: string): string {
    if (!ORG_SLUG.test(org) || !this.settings.devIssuerBase) throw AppException.notFound('Realm');
    return devIssuerFor(this.settings.devIssuerBase, org);
  }
}
