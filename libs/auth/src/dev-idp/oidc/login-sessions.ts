import { randomUUID } from 'node:crypto';
import { type Clock, ExpiringStore } from './expiring-store.js';
import { randomToken } from './pkce.js';

/** A browser signed in to one realm: lets the authorization endpoint skip the form. */
export interface LoginSession {
  /** The cookie's value: secret, never put in a token. */
  id: string;
  /** The public session id the tokens carry (`sid`), for logout by id_token_hint. */
  sid: string;
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
    const session = { id: randomToken(), sid: randomUUID(), sub, org };
    this.sessions.set(session.id, session, this.clock() + SESSION_TTL_MS);
    return session;
  }

  /** The live session with this id in this realm, if any. */
  find(id: string | undefined, org: string): LoginSession | null {
    const session = id ? this.sessions.get(id) : undefined;
    return session && session.org === org ? session : null;
  }

  findBySid(sid: string, org: string): LoginSession | null {
    for (const [, session] of this.sessions.values())
      if (session.sid === sid && session.org === org) return session;
    return null;
  }

  end(id: string): void {
    this.sessions.delete(id);
  }
}
