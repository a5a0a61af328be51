import { InMemoryWebStorage, UserManager, WebStorageStateStore, type User } from 'oidc-client-ts';
import type { ConsoleConfig } from './config.ts';

/** The org is not a secret: it is kept for the tab so a reload signs in to the same realm. */
const ORG_KEY = 'console.org';
const CALLBACK = 'callback';
const ORG_SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;

export function rememberedOrg(): string | null {
  return sessionStorage.getItem(ORG_KEY);
}

/**
 * Authorization code with PKCE against `<oidc_base>/realms/<org>`. Tokens stay in memory only
 * (the user store); sessionStorage holds the PKCE verifier and state of a sign-in under way.
 * A reload loses the tokens, and signing in again goes through the IdP's session silently.
 */
export function userManagerFor(config: ConsoleConfig, org: string): UserManager {
  if (!ORG_SLUG.test(org)) throw new Error(`"${org}" is not an organization name`);
  const base = `${window.location.origin}${import.meta.env.BASE_URL}`;
  const authority = `${config.oidc_base.replace(/\/+$/, '')}/realms/${org}`;
  const endpoints = `${authority}/protocol/openid-connect`;
  return new UserManager({
    authority,
    // Keycloak's endpoint layout, which the dev IdP shares: no discovery round trip (and no CORS
    // needed on it) before the redirect.
    metadata: {
      issuer: authority,
      authorization_endpoint: `${endpoints}/auth`,
      token_endpoint: `${endpoints}/token`,
      end_session_endpoint: `${endpoints}/logout`,
      jwks_uri: `${endpoints}/certs`,
    },
    client_id: config.client_id,
    redirect_uri: `${base}${CALLBACK}`,
    post_logout_redirect_uri: base,
    response_type: 'code',
    scope: 'openid',
    userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
    stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
    // Renewed with the refresh token before the access token expires.
    automaticSilentRenew: true,
    loadUserInfo: false,
  });
}

/** Sends the browser to the IdP; back at /callback it returns to `returnTo`. */
export async function signIn(config: ConsoleConfig, org: string, returnTo: string): Promise<void> {
  const manager = userManagerFor(config, org);
  sessionStorage.setItem(ORG_KEY, org);
  await manager.signinRedirect({ state: { returnTo } });
}

/** Completes the redirect at /callback: the user, and where to go back to. */
export async function completeSignIn(
  config: ConsoleConfig,
): Promise<{ manager: UserManager; user: User; returnTo: string }> {
  const org = rememberedOrg();
  if (!org) throw new Error('No sign-in is under way in this tab');
  const manager = userManagerFor(config, org);
  const user = await manager.signinRedirectCallback();
  const returnTo = (user.state as { returnTo?: string } | undefined)?.returnTo;
  // Only a path of this console, never an absolute URL someone put in the state.
  const safe =
    returnTo && returnTo.startsWith(import.meta.env.BASE_URL) ? returnTo : import.meta.env.BASE_URL;
  return { manager, user, returnTo: safe };
}

export function isCallback(): boolean {
  return window.location.pathname === `${import.meta.env.BASE_URL}${CALLBACK}`;
}

export async function signOut(manager: UserManager): Promise<void> {
  sessionStorage.removeItem(ORG_KEY);
  const user = await manager.getUser();
  await manager.removeUser();
  await manager.signoutRedirect({ id_token_hint: user?.id_token });
}
