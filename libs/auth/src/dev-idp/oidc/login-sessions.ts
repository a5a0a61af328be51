import { type Clock, ExpiringStore } from './expiring-store.js';
import { randomToken } from './pkce.js';

/** A browser signed in to one realm: lets the authorization endpoint skip the form. */
export interface LoginSession {
  id: string;
  sub: string;
  org: string;
}

export const SESSION_TTL_MS = 8 * 3600_000;

export class LoginSessions {
  private readonly sessions: ExpiringStore<LoginSession>;

  constructor(
    private readonly clock: Clock,
    maxEntries = 10_000,
  ) {
    this.sessions = new ExpiringStore(clock, maxEntries);
  }

  start(sub: string, org: string): LoginSession {
    const session = { id: randomToken(), sub, org };
    this.sessions.set(session.id, session, this.clock() + SESSION_TTL_MS);
    return session;
  }

  /** The live session with this id in this realm, if any. */
  find(id: string | undefined, org: string): LoginSession | null {
    const session = id ? this.sessions.get(id) : undefined;
    return session && session.org === org ? session : null;
  }

  end(id: string): void {
    this.sessions.delete(id);
  }
}
