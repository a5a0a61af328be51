import type { Principal } from '@app/core';
import { ORG_SLUG } from './auth.constants.js';
import type { JwtClaims } from './jws.js';
import { TokenRejectedError } from './token-rejected.error.js';
import type { TrustedIssuer } from './trusted-issuers.js';

/**
 * The org a token acts in. A realm issuer is bound to its realm's org: an `org_id` claim, if
 * present, must name exactly that org (otherwise one tenant's realm admin could mint tokens for
 * another). Only a declared multi-tenant issuer chooses the org by claim, and then the claim is
 * required. Anything else is refused, so an issuer with neither never falls back to a guess.
 */
export function orgOf(claims: JwtClaims, issuer: TrustedIssuer): string {
  const claimed = claims.org_id;
  if (claimed !== undefined && typeof claimed !== 'string') throw new TokenRejectedError('malformed org_id');
  let org: string;
  if (issuer.realmOrg !== null) {
    if (claimed !== undefined && claimed !== issuer.realmOrg)
      throw new TokenRejectedError('org_id does not match realm');
    org = issuer.realmOrg;
  } else if (issuer.multiTenant) {
    if (claimed === undefined) throw new TokenRejectedError('missing org_id');
    org = claimed;
  } else {
    throw new TokenRejectedError('issuer is bound to no org');
  }
  if (!ORG_SLUG.test(org)) throw new TokenRejectedError('invalid org');
  return org;
}

/** Claims of an already verified token → Principal. */
export function principalFromClaims(claims: JwtClaims, issuer: TrustedIssuer, token: string): Principal {
  const { sub, exp } = claims;
  if (typeof sub !== 'string' || sub.length === 0 || sub.length > 255)
    throw new TokenRejectedError('missing sub');
  // jsonwebtoken checks exp only when present; a token that never expires is refused.
  if (typeof exp !== 'number') throw new TokenRejectedError('missing exp');
  // Keycloak names a client's service account `service-account-<client>` in preferred_username
  // while `sub` is a UUID; that name is the stable identity Governance trusts.
  const username = typeof claims.preferred_username === 'string' ? claims.preferred_username : '';
  const keycloakService = username.startsWith('service-account-');
  const actorType =
    claims.actor_type === 'service' || sub.startsWith('service-account-') || keycloakService
      ? 'service'
      : 'user';
  const userId = keycloakService && !sub.startsWith('service-account-') ? username : sub;
  return { userId, orgId: orgOf(claims, issuer), actorType, issuer: issuer.issuer, token };
}
