import type { KeyObject } from 'node:crypto';
import type { AuthSettings } from './auth.config.js';
import { KEYCLOAK_CERTS_PATH, ORG_SLUG } from './auth.constants.js';

export type IssuerKeySource =
  | {
      kind: 'static';
      key: KeyObject;
      /** when set, a token's `kid` (if any) must equal it */ kid: string | null;
    }
  /** `pool: 'realm'` clients are created per Keycloak realm and evicted LRU. */
  | { kind: 'jwks'; uri: string; pool: 'explicit' | 'realm' };

export interface TrustedIssuer {
  issuer: string;
  /**
   * The org a realm issuer stands for (AUTH_KEYCLOAK_URL, a realm listed in AUTH_ISSUERS, dev IdP):
   * its tokens act in that org only. Null only together with `multiTenant`.
   */
  realmOrg: string | null;
  /** Declared in AUTH_MULTI_TENANT_ISSUERS: the only kind whose `org_id` claim chooses the org. */
  multiTenant: boolean;
  keys: IssuerKeySource;
}

/**
 * Decides whether an `iss` is trusted and where its keys come from. Pure: no I/O, so an
 * untrusted issuer is rejected before anything is fetched.
 */
export class TrustedIssuers {
  private readonly explicit: ReadonlyMap<string, TrustedIssuer>;

  constructor(
    private readonly settings: AuthSettings,
    private readonly devKey: { publicKey: KeyObject; kid: string } | null = null,
  ) {
    if (settings.devMode && !devKey) throw new Error('Dev mode needs the dev key pair');
    const source = settings.explicitKeySource;
    this.explicit = new Map(
      settings.explicitIssuers.map(({ issuer, org }): [string, TrustedIssuer] => {
        let keys: IssuerKeySource;
        if (source?.kind === 'public-key') keys = { kind: 'static', key: source.key, kid: null };
        else if (source?.kind === 'jwks') keys = { kind: 'jwks', uri: source.uri, pool: 'explicit' };
        else keys = { kind: 'jwks', uri: issuer.replace(/\/+$/, '') + KEYCLOAK_CERTS_PATH, pool: 'explicit' };
        return [issuer, { issuer, realmOrg: org, multiTenant: org === null, keys }];
      }),
    );
  }

  resolve(iss: unknown): TrustedIssuer | null {
    if (typeof iss !== 'string' || !iss) return null;
    const explicit = this.explicit.get(iss);
    if (explicit) return explicit;
    const { keycloakBase, devIssuerBase } = this.settings;
    if (keycloakBase) {
      const org = realmOf(iss, keycloakBase);
      if (org)
        return {
          issuer: iss,
          realmOrg: org,
          multiTenant: false,
          keys: { kind: 'jwks', uri: iss + KEYCLOAK_CERTS_PATH, pool: 'realm' },
        };
    }
    if (devIssuerBase && this.devKey) {
      const org = realmOf(iss, devIssuerBase);
      if (org)
        return {
          issuer: iss,
          realmOrg: org,
          multiTenant: false,
          keys: { kind: 'static', key: this.devKey.publicKey, kid: this.devKey.kid },
        };
    }
    return null;
  }
}

/** `<base>/realms/<org>` → org, only for a well-formed org slug (so nothing can be appended to the path). */
export function realmOf(iss: string, base: string): string | null {
  const prefix = `${base}/realms/`;
  if (!iss.startsWith(prefix)) return null;
  const realm = iss.slice(prefix.length);
  return ORG_SLUG.test(realm) ? realm : null;
}

export function devIssuerFor(devIssuerBase: string, org: string): string {
  return `${devIssuerBase}/realms/${org}`;
}
