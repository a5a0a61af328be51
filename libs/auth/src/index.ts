/**
 * @app/auth: bearer-token authentication and the X-Project-ID context.
 *
 * Wiring (in the app's root module):
 *
 *   AuthModule.forRoot(loadAuthConfig(), {
 *     projectDirectory: TypeOrmProjectDirectory,      // class, { useValue } or { useFactory, inject }
 *     imports: [ProjectsPersistenceModule],           // what the directory needs
 *     devIdp: true,                                   // serve /dev-idp/* in dev mode (default)
 *   })
 *
 * This registers, globally and in this order, JwtAuthGuard (passport-jwt, RS256/ES256 only,
 * trusted issuers only; opt out with @Public()) and ProjectContextGuard (@ProjectHeader policy,
 * default 'required'). Handlers read @CurrentPrincipal() and @CurrentProject(); the same values
 * are on `request.principal` / `request.projectId` (FastifyRequest is augmented).
 * Dev mode (no issuer configured, NODE_ENV != production) trusts
 * `<AUTH_DEV_ISSUER_BASE>/realms/<org>` with a key pair kept in AUTH_DATA_DIR; mint tokens
 * with DevTokenIssuer or `npm run token -- --sub alice --org acme`. The app that serves the dev IdP
 * (Governance) also runs an authorization code + PKCE flow for the web console's public client
 * CONSOLE_CLIENT_ID under `<AUTH_DEV_ISSUER_BASE>/realms/<org>` (see dev-idp/oidc/).
 */
import './request-context.js';

export * from './auth.config.js';
export * from './auth.constants.js';
export * from './auth.module.js';
export * from './auth.tokens.js';
export * from './project-directory.js';
export * from './decorators/project-header.decorator.js';
export * from './decorators/current.decorators.js';
export * from './guards/jwt-auth.guard.js';
export * from './bearer-token.verifier.js';
export * from './guards/project-context.guard.js';
export * from './dev-idp/dev-idp.controller.js';
export * from './dev-idp/dev-token.issuer.js';
export { CONSOLE_CLIENT_ID } from './dev-idp/oidc/console-client.js';
export { loadOrCreateDevKeyPair, type DevKeyPair, type PublicJwk } from './keys/dev-key-store.js';
export { TrustedIssuers, type TrustedIssuer } from './trusted-issuers.js';
export { JwksClientPool, type JwksPoolOptions } from './jwks-client-pool.js';
// Test helpers (tokens with arbitrary headers/claims/keys, key pairs, a fake JWKS server) are `@app/auth/testing`.
