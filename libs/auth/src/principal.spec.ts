import { principalFromClaims } from './principal.js';
import type { TrustedIssuer } from './trusted-issuers.js';

const realm = (org: string): TrustedIssuer =>
  ({ issuer: `https://kc.example/realms/${org}`, realmOrg: org }) as unknown as TrustedIssuer;
const exp = Math.floor(Date.now() / 1000) + 60;

describe(principalFromClaims.name, () => {
  it('should name a Keycloak service account by its preferred_username, not its UUID sub', () => {
    const p = principalFromClaims(
      { sub: '3f1c-uuid', exp, preferred_username: 'service-account-svc-assets' },
      realm('master'),
      't',
    );
    expect(p).toMatchObject({ userId: 'service-account-svc-assets', actorType: 'service', orgId: 'master' });
  });

  it('should keep users as users, named by sub', () => {
    const p = principalFromClaims({ sub: 'alice', exp, preferred_username: 'alice' }, realm('acme'), 't');
    expect(p).toMatchObject({ userId: 'alice', actorType: 'user', orgId: 'acme' });
  });
});
