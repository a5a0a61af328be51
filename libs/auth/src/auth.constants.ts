/** Only asymmetric algorithms: an HMAC token (or `none`) is never accepted, whatever its key. */
export const ALLOWED_ALGORITHMS = ['RS256', 'ES256'] as const;

/** Org ids and Keycloak realm names that map to an org. */
export const ORG_SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;
/** Values accepted in `X-Project-ID`. */
export const PROJECT_SLUG = /^[a-z0-9][a-z0-9-]{1,62}$/;

export const DEFAULT_AUDIENCE = 'assets-platform';

/** Keycloak's JWKS path below a realm issuer. */
export const KEYCLOAK_CERTS_PATH = '/protocol/openid-connect/certs';

export const PROJECT_HEADER_POLICY_KEY = 'auth:project-header-policy';
