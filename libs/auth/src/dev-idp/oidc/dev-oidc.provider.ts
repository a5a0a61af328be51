import { ORG_SLUG } from '../../auth.constants.js';
import type { DevTokenIssuer } from '../dev-token.issuer.js';
import { AuthorizationCodes, type CodeGrant } from './authorization-codes.js';
import type { ConsoleClient } from './console-client.js';
import { clearCookie, type CookieScope, readCookie, setCookie } from './cookies.js';
import { type Clock } from './expiring-store.js';
import { FormGuard } from './form-guard.js';
import { type LoginSession, LoginSessions } from './login-sessions.js';
import { loginFormPage, messagePage } from './login-page.js';
import {
  type BrowserOutcome,
  type RawParams,
  singleParams,
  tokenError,
  type TokenOutcome,
} from './oidc-outcomes.js';
import { isS256Challenge } from './pkce.js';
import { type RefreshFamily, REFRESH_TOKEN_TTL_MS, RefreshTokens } from './refresh-tokens.js';

export const SESSION_COOKIE = 'dev_idp_session';
export const FORM_COOKIE = 'dev_idp_form';
export const SUPPORTED_SCOPES = ['openid', 'profile', 'offline_access'];

/** User names the form accepts: the slug of `sub` elsewhere; never a service account's name. */
const USERNAME = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** One realm as the browser sees it: its issuer URL and where its cookies live. */
export interface Realm {
  org: string;
  issuer: string;
}

export interface DevOidcOptions {
  accessTokenTtlS: number;
  clock: Clock;
}

const AUTHORIZE_PARAMS = [
  'response_type',
  'client_id',
  'redirect_uri',
  'code_challenge',
  'code_challenge_method',
  'state',
  'nonce',
  'scope',
  'prompt',
] as const;
/** What the form posts back, besides the user name and its CSRF token. */
const FORM_PARAMS = ['client_id', 'redirect_uri', 'code_challenge', 'state', 'nonce', 'scope'] as const;

type FormParams = Partial<Record<(typeof FORM_PARAMS)[number], string>> & {
  client_id: string;
  redirect_uri: string;
  code_challenge: string;
  state: string;
};

/**
 * The authorization code + PKCE flow of the embedded dev identity provider, for the web console:
 * authorize (form or silent), login, token (code and refresh grants), logout. State is in memory
 * (one process); each endpoint returns what to answer and the controller writes it.
 */
export class DevOidcProvider {
  private readonly codes: AuthorizationCodes;
  private readonly sessions: LoginSessions;
  private readonly refreshTokens: RefreshTokens;
  private readonly forms = new FormGuard();

  constructor(
    private readonly client: ConsoleClient,
    private readonly tokens: DevTokenIssuer,
    private readonly options: DevOidcOptions,
  ) {
    this.codes = new AuthorizationCodes(options.clock);
    this.sessions = new LoginSessions(options.clock);
    this.refreshTokens = new RefreshTokens(options.clock);
  }

  /** GET …/auth: a code straight away for a signed-in browser, else the login form. */
  authorize(realm: Realm, query: RawParams, cookieHeader: string | undefined): BrowserOutcome {
    const checked = this.checkAuthorizeRequest(query, 'GET');
    if (checked.kind !== 'ok') return checked.outcome;
    const { params, prompt } = checked;
    const session = this.sessions.find(readCookie(cookieHeader, SESSION_COOKIE), realm.org);
    if (session && prompt !== 'login') return this.redirectWithCode(params, session, []);
    if (prompt === 'none')
      return errorRedirect(params, 'login_required', 'No session at the identity provider');
    const nonce = this.forms.newBrowserNonce();
    return this.form(realm, params, nonce, 200, [
      setCookie(FORM_COOKIE, nonce, cookieScope(realm), 'Strict'),
    ]);
  }

  /** POST …/auth: the login form. Signs the browser in to the realm and returns a code. */
  login(realm: Realm, body: RawParams, cookieHeader: string | undefined): BrowserOutcome {
    const checked = this.checkAuthorizeRequest(body, 'POST');
    if (checked.kind !== 'ok') return checked.outcome;
    const { params } = checked;
    const fields = singleParams(body, ['username', 'csrf']);
    const browserNonce = readCookie(cookieHeader, FORM_COOKIE);
    if (!fields || !this.forms.verify(browserNonce, formValues(params), fields.csrf))
      return badRequestPage(
        'The sign-in form expired or was not sent from this page. Go back to the application and sign in again.',
      );
    const username = fields.username ?? '';
    if (!USERNAME.test(username) || username.startsWith('service-account-'))
      return this.form(
        realm,
        params,
        browserNonce!,
        400,
        [],
        username,
        'Enter a user name of lowercase letters, digits and dashes.',
      );
    const session = this.sessions.start(username, realm.org);
    const scope = cookieScope(realm);
    return this.redirectWithCode(params, session, [
      setCookie(SESSION_COOKIE, session.id, scope, 'Lax'),
      clearCookie(FORM_COOKIE, scope),
    ]);
  }

  /** POST …/token: the authorization_code and refresh_token grants (public client, no secret). */
  token(realm: Realm, body: RawParams): TokenOutcome {
    const params = singleParams(body, [
      'grant_type',
      'client_id',
      'code',
      'redirect_uri',
      'code_verifier',
      'refresh_token',
    ]);
    if (!params) return tokenError('invalid_request', 'A parameter is repeated');
    if (!params.grant_type) return tokenError('invalid_request', 'grant_type is required');
    if (params.grant_type !== 'authorization_code' && params.grant_type !== 'refresh_token')
      return tokenError('unsupported_grant_type', 'Only authorization_code and refresh_token');
    if (!this.client.isClient(params.client_id)) return tokenError('invalid_client', 'Unknown client');
    const clientId = params.client_id!;
    if (params.grant_type === 'refresh_token') {
      if (!params.refresh_token) return tokenError('invalid_request', 'refresh_token is required');
      const rotated = this.refreshTokens.rotate(params.refresh_token, clientId);
      if (!rotated.ok || rotated.family.org !== realm.org)
        return tokenError('invalid_grant', 'The refresh token is invalid, expired or revoked');
      return this.tokenResponse(rotated.family, rotated.token, null);
    }
    const { code, redirect_uri: redirectUri, code_verifier: codeVerifier } = params;
    if (!code || !redirectUri || !codeVerifier)
      return tokenError('invalid_request', 'code, redirect_uri and code_verifier are required');
    const redeemed = this.codes.redeem({ code, clientId, redirectUri, codeVerifier });
    if (!redeemed.ok) {
      // A replayed code may have been stolen: what it produced is revoked (RFC 6749 §4.1.2).
      if (redeemed.replayed?.refreshFamily) this.refreshTokens.revokeFamily(redeemed.replayed.refreshFamily);
      return tokenError(
        'invalid_grant',
        'The code is invalid, expired, already used or not bound to these parameters',
      );
    }
    const { grant } = redeemed;
    if (grant.org !== realm.org) return tokenError('invalid_grant', 'The code belongs to another realm');
    const started = this.refreshTokens.start({
      clientId,
      sub: grant.sub,
      org: grant.org,
      scope: grant.scope,
      sessionId: grant.sessionId,
      sid: grant.sid,
    });
    this.codes.recordRefreshFamily(code, started.family.id);
    return this.tokenResponse(started.family, started.token, grant.nonce);
  }

  /** GET …/logout: ends the browser's session and its refresh tokens, then returns to the console. */
  logout(realm: Realm, query: RawParams, cookieHeader: string | undefined): BrowserOutcome {
    const scope = cookieScope(realm);
    const cookies = [clearCookie(SESSION_COOKIE, scope)];
    const params = singleParams(query, ['post_logout_redirect_uri', 'state', 'client_id', 'id_token_hint']);
    const session =
      this.sessions.find(readCookie(cookieHeader, SESSION_COOKIE), realm.org) ??
      this.sessionHinted(realm, params?.id_token_hint);
    if (session) this.endSession(session);
    const target = params?.post_logout_redirect_uri;
    const clientOk = params?.client_id === undefined || this.client.isClient(params.client_id);
    if (params && target && clientOk && this.client.allowsPostLogoutRedirect(target)) {
      const url = new URL(target);
      if (params.state) url.searchParams.set('state', params.state);
      return { kind: 'redirect', location: url.toString(), cookies };
    }
    const note = target
      ? ' The return address is not one this identity provider knows, so it stays here.'
      : '';
    return {
      kind: 'page',
      status: 200,
      html: messagePage('Signed out', `You are signed out of ${realm.org}.${note}`),
      cookies,
    };
  }

  /** The session an ID token we issued for this realm names (a browser that lost its cookie). */
  private sessionHinted(realm: Realm, hint: string | undefined): LoginSession | null {
    const claims = hint ? this.tokens.readOwn(hint) : null;
    if (!claims || claims.iss !== realm.issuer || !this.client.isClient(claims.aud)) return null;
    return typeof claims.sid === 'string' ? this.sessions.findBySid(claims.sid, realm.org) : null;
  }

  private endSession(session: LoginSession): void {
    this.refreshTokens.revokeSession(session.id);
    this.sessions.end(session.id);
  }

  /**
   * Client and redirect URI first: until both are known, nothing is redirected (a 400 page).
   * After that, errors go back to the client as RFC 6749 §4.1.2.1 says.
   */
  private checkAuthorizeRequest(
    raw: RawParams,
    method: 'GET' | 'POST',
  ): { kind: 'ok'; params: FormParams; prompt?: string } | { kind: 'error'; outcome: BrowserOutcome } {
    const fail = (outcome: BrowserOutcome) => ({ kind: 'error' as const, outcome });
    const params = singleParams(raw, AUTHORIZE_PARAMS);
    if (!params) return fail(badRequestPage('A parameter of the sign-in request is repeated.'));
    if (!this.client.isClient(params.client_id))
      return fail(
        badRequestPage('The application that sent you here is not known to this identity provider.'),
      );
    if (!this.client.allowsRedirect(params.redirect_uri))
      return fail(
        badRequestPage('The return address of this sign-in request is not registered for the application.'),
      );
    const back = { redirect_uri: params.redirect_uri, state: params.state };
    // The form posts back what the GET validated; only the GET names the response type and method.
    if (method === 'GET') {
      if (params.response_type !== 'code')
        return fail(errorRedirect(back, 'unsupported_response_type', 'Only response_type=code'));
      if (params.code_challenge_method !== 'S256')
        return fail(
          errorRedirect(back, 'invalid_request', 'PKCE with code_challenge_method=S256 is required'),
        );
    }
    if (!params.code_challenge || !isS256Challenge(params.code_challenge))
      return fail(errorRedirect(back, 'invalid_request', 'code_challenge must be a S256 challenge'));
    if (!params.state) return fail(errorRedirect(back, 'invalid_request', 'state is required'));
    if (params.prompt !== undefined && params.prompt !== 'none' && params.prompt !== 'login')
      return fail(errorRedirect(back, 'invalid_request', 'prompt may be none or login'));
    return {
      kind: 'ok',
      params: {
        client_id: params.client_id!,
        redirect_uri: params.redirect_uri,
        code_challenge: params.code_challenge,
        state: params.state,
        nonce: params.nonce,
        scope: params.scope,
      },
      prompt: params.prompt,
    };
  }

  private form(
    realm: Realm,
    params: FormParams,
    browserNonce: string,
    status: number,
    cookies: string[],
    username?: string,
    error?: string,
  ): BrowserOutcome {
    const hidden: Record<string, string> = {};
    for (const name of FORM_PARAMS) if (params[name] !== undefined) hidden[name] = params[name];
    hidden.csrf = this.forms.tokenFor(browserNonce, formValues(params));
    return {
      kind: 'page',
      status,
      html: loginFormPage({ org: realm.org, hidden, username, error }),
      cookies,
    };
  }

  private redirectWithCode(params: FormParams, session: LoginSession, cookies: string[]): BrowserOutcome {
    const grant: CodeGrant = {
      clientId: params.client_id,
      redirectUri: params.redirect_uri,
      codeChallenge: params.code_challenge,
      nonce: params.nonce ?? null,
      scope: grantedScope(params.scope),
      sub: session.sub,
      org: session.org,
      sessionId: session.id,
      sid: session.sid,
    };
    const url = new URL(params.redirect_uri);
    url.searchParams.set('code', this.codes.issue(grant));
    url.searchParams.set('state', params.state);
    return { kind: 'redirect', location: url.toString(), cookies };
  }

  private tokenResponse(family: RefreshFamily, refreshToken: string, nonce: string | null): TokenOutcome {
    const ttl = this.options.accessTokenTtlS;
    const { sub, org, scope, clientId, sid } = family;
    const accessToken = this.tokens.issue({
      sub,
      org,
      ttlSeconds: ttl,
      extraClaims: { typ: 'Bearer', azp: clientId, scope, sid, org_id: org },
    });
    const body: Record<string, unknown> = {
      access_token: accessToken,
      token_type: 'Bearer',
      expires_in: ttl,
      refresh_token: refreshToken,
      refresh_expires_in: REFRESH_TOKEN_TTL_MS / 1000,
      scope,
    };
    if (scope.split(' ').includes('openid'))
      body.id_token = this.tokens.issue({
        sub,
        org,
        ttlSeconds: ttl,
        audience: clientId,
        extraClaims: {
          typ: 'ID',
          azp: clientId,
          sid,
          preferred_username: sub,
          ...(nonce ? { nonce } : {}),
        },
      });
    return { status: 200, body };
  }
}

/** The requested scopes this IdP knows (openid when none is asked for). */
export function grantedScope(requested: string | undefined): string {
  const asked = (requested ?? 'openid').split(' ').filter(Boolean);
  return SUPPORTED_SCOPES.filter((s) => asked.includes(s)).join(' ') || 'openid';
}

const formValues = (params: FormParams): string[] => FORM_PARAMS.map((name) => params[name] ?? '');

function errorRedirect(
  back: { redirect_uri: string; state?: string },
  error: string,
  description: string,
): BrowserOutcome {
  const url = new URL(back.redirect_uri);
  url.searchParams.set('error', error);
  url.searchParams.set('error_description', description);
  if (back.state) url.searchParams.set('state', back.state);
  return { kind: 'redirect', location: url.toString(), cookies: [] };
}

function badRequestPage(message: string): BrowserOutcome {
  return { kind: 'page', status: 400, html: messagePage('Sign-in request refused', message), cookies: [] };
}

export function cookieScope(realm: Realm): CookieScope {
  const url = new URL(realm.issuer);
  return { path: url.pathname.replace(/\/+$/, '') || '/', secure: url.protocol === 'https:' };
}

export const isRealmOrg = (org: string): boolean => ORG_SLUG.test(org);
