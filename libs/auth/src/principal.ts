import type { Principal } from '@app/core';
import { ORG_SLUG } from './auth.constants.js';
import type { JwtClaims } from './jws.js';
import { TokenRejectedError } from './token-rejected.error.js';
import type { TrustedIssuer } from './trusted-issuers.js';

function lastPathSegment(iss: string): string {
  try {
    return new URL(iss).pathname.split('/').filter(Boolean).pop() ?? '';
  } catch {
    return '';
  }
}

/** Org from `org_id`, else the last path segment of `iss`; must be a slug. */
export function orgOf(claims: JwtClaims, issuer: TrustedIssuer): string {
  const claimed = claims.org_id;
  if (claimed !== undefined && typeof claimed !== 'string') throw new TokenRejectedError('malformed org_id');
  // A per-org realm may only speak for its own org: otherwise one tenant's realm admin could mint tokens for another.
  if (issuer.realmOrg !== null && claimed !== undefined && claimed !== issuer.realmOrg) {
    throw new TokenRejectedError('org_id does not match realm');
  }
  const org = claimed ?? issuer.realmOrg ?? lastPathSegment(issuer.issuer);
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
  const actorType = claims.actor_type === 'service' || sub.startsWith('service-account-') || keycloakService ? 'service' : 'user';
  const userId = keycloakService && !sub.startsWith('service-account-') ? username : sub;
  return { userId, orgId: orgOf(claims, issuer), actorType, issuer: issuer.issuer, token };
}
