import { createHash } from 'node:crypto';
import pg from 'pg';

/** Sightings before a statement is prepared: one-off statements (migrations, admin) never are. */
export const PREPARE_AFTER = 3;
/** Prepared statements per connection at most; later ones run unprepared. */
export const MAX_PREPARED_PER_CONNECTION = 256;
const MAX_TRACKED = 4000;
/** Statements PostgreSQL plans (utility statements gain nothing from a prepared plan). */
const PLANNABLE = /^\s*(?:SELECT|INSERT|UPDATE|DELETE|WITH)\b/i;
/** "cached plan must not change result type": a DDL changed what a prepared statement returns. */
const STALE_PLAN = '0A000';

/**
 * What the process knows about statement texts: how often each was seen, and the names of those
 * prepared. Shared by every connection of a pool, so a hot statement qualifies after a few calls.
 */
export class StatementCatalog {
  private readonly seen = new Map<string, number>();
  private readonly names = new Map<string, string>();
  private readonly unprepared = new Set<string>();

  /** The name to prepare `text` under, or null to run it as an unnamed statement. */
  nameFor(text: string): string | null {
    const named = this.names.get(text);
    if (named) return named;
    if (this.unprepared.has(text) || text.includes(';') || !PLANNABLE.test(text)) return null;
    const count = (this.seen.get(text) ?? 0) + 1;
    if (count < PREPARE_AFTER) {
      if (this.seen.size >= MAX_TRACKED) this.seen.clear();
      this.seen.set(text, count);
      return null;
    }
    this.seen.delete(text);
    if (this.names.size >= MAX_TRACKED) return null;
    const name = `a_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
    this.names.set(text, name);
    return name;
  }

  /** After a stale plan: this text runs unprepared from now on, on every connection. */
  neverPrepare(text: string): void {
    this.names.delete(text);
    this.unprepared.add(text);
  }
}

type Callback = (error: Error | null, result?: unknown) => void;

/**
 * A pg Client that prepares the statements a pool runs repeatedly: PostgreSQL then parses and
 * plans each once per connection instead of on every call (about a third of a short indexed
 * SELECT's server time; bench/README.md). Only plain `(text, values)` calls are named; configs
 * that name themselves, streams and cursors are left alone. Not for poolers that do not keep
 * prepared statements per client (PgBouncer in transaction mode before 1.21: DB_PREPARED_STATEMENTS=false),
 * nor for PGlite, whose one backend session every pooled client shares.
 */
export function preparedPgClient(
  base: typeof pg.Client = pg.Client,
  catalog = new StatementCatalog(),
): typeof pg.Client {
  class PreparedPgClient extends base {
    private readonly prepared = new Set<string>();

    override query(...args: unknown[]): never {
      const query = super.query.bind(this) as (...a: unknown[]) => never;
      const [text, second, third] = args;
      if (typeof text !== 'string' || args.length > 3) return query(...args);
      const values = typeof second === 'function' ? undefined : second;
      const callback = (typeof second === 'function' ? second : third) as Callback | undefined;
      if (values !== undefined && !Array.isArray(values)) return query(...args);
      const name = catalog.nameFor(text);
      if (!name || (!this.prepared.has(name) && this.prepared.size >= MAX_PREPARED_PER_CONNECTION))
        return query(...args);
      this.prepared.add(name);
      const config = { name, text, values };
      const forget = (error: unknown) => {
        if ((error as { code?: unknown } | null)?.code === STALE_PLAN) catalog.neverPrepare(text);
      };
      if (callback) {
        return query(config, (error: Error | null, result?: unknown) => {
          forget(error);
          callback(error, result);
        });
      }
      return (query(config) as Promise<unknown>).catch((error: unknown) => {
        forget(error);
        throw error;
      }) as never;
    }
  }
  return PreparedPgClient;
}
