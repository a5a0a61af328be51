import type { FakeInfisicalServer } from '@app/testing';

/** Governance's env for SECRETS_BACKEND=infisical against `fake` (its `prod` environment), plus `overrides`. */
export function infisicalEnv(
  fake: FakeInfisicalServer,
  overrides: NodeJS.ProcessEnv = {},
): NodeJS.ProcessEnv {
  return {
    SECRETS_BACKEND: 'infisical',
    INFISICAL_SITE_URL: fake.url,
    INFISICAL_CLIENT_ID: fake.clientId,
    INFISICAL_CLIENT_SECRET: fake.clientSecret,
    INFISICAL_PROJECT_ID: fake.projectId,
    INFISICAL_ENVIRONMENT: 'prod',
    ...overrides,
  };
}
