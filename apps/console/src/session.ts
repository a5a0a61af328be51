import { createContext, useContext } from 'react';
import type { UserManager } from 'oidc-client-ts';
import {
  AssetsApiError,
  createAssetsClient,
  createGovernanceClient,
  type AssetsClient,
  type GovernanceClient,
} from '@sdk';
import type { ConsoleConfig } from './config.ts';

export interface Session {
  config: ConsoleConfig;
  manager: UserManager;
  org: string;
  userName: string;
  assets: AssetsClient;
  governance: GovernanceClient;
}

/** Clients of both APIs through the generated SDK, with the token of the moment (renewed in memory). */
export function sessionOf(
  config: ConsoleConfig,
  manager: UserManager,
  org: string,
  userName: string,
): Session {
  const token = async () => {
    const user = await manager.getUser();
    if (!user || user.expired)
      throw new AssetsApiError(
        {
          code: 'UNAUTHENTICATED',
          message: 'Your session ended: sign in again',
          status: 401,
          details: {},
          request_id: '',
          trace_id: null,
        },
        'session',
      );
    return user.access_token;
  };
  return {
    config,
    manager,
    org,
    userName,
    assets: createAssetsClient({ baseUrl: config.assets_url, token }),
    governance: createGovernanceClient({ baseUrl: config.governance_url, token }),
  };
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in console');
  return session;
}
