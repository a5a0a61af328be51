import pg from 'pg';
import { errorTypeOf, type SpanAttributes, type TracedSpan, type Tracing } from '@app/core';

/** What a query span says about a statement: its operation and main table, never its text or values. */
export interface SqlSummary {
  /** `SELECT`, `INSERT`, `COMMIT`…; absent when the text does not start with a keyword. */
  operation?: string;
  /** The first table after FROM / INTO / UPDATE, unquoted (`data_connections`, `public.secrets`). */
  table?: string;
  /** `SELECT data_connections`: the span's name. */
  summary: string;
}

const KEYWORD = /^\s*(?:(?:--[^\n]*\n|\/\*[\s\S]*?\*\/)\s*)*([A-Za-z]+)\b/;
const IDENTIFIER = String.raw`(?:"[A-Za-z_][\w$]*"|[A-Za-z_][\w$]*)`;
const TABLE_AFTER: Record<string, RegExp> = {
  SELECT: new RegExp(String.raw`\bFROM\s+(${IDENTIFIER}(?:\.${IDENTIFIER})?)`, 'i'),
  DELETE: new RegExp(String.raw`\bFROM\s+(${IDENTIFIER}(?:\.${IDENTIFIER})?)`, 'i'),
  INSERT: new RegExp(String.raw`\bINTO\s+(${IDENTIFIER}(?:\.${IDENTIFIER})?)`, 'i'),
  UPDATE: new RegExp(String.raw`^\s*UPDATE\s+(?:ONLY\s+)?(${IDENTIFIER}(?:\.${IDENTIFIER})?)`, 'i'),
};
const summaries = new Map<string, SqlSummary>();
const MAX_SUMMARIES = 2000;

/**
 * The low-cardinality summary of a statement (OpenTelemetry's `db.query.summary`). Only a
 * keyword and identifiers are ever taken from the text: a literal a statement carries inline
 * can never reach a span. Statements repeat, so summaries are cached by text.
 */
export function summarizeSql(text: string): SqlSummary {
  const known = summaries.get(text);
  if (known) return known;
  const operation = KEYWORD.exec(text)?.[1]?.toUpperCase();
  const table = operation ? TABLE_AFTER[operation]?.exec(text)?.[1]?.replaceAll('"', '') : undefined;
  const summary: SqlSummary = {
    operation,
    table,
    summary: operation ? (table ? `${operation} ${table}` : operation) : 'SQL',
  };
  if (summaries.size >= MAX_SUMMARIES) summaries.clear();
  summaries.set(text, summary);
  return summary;
}

/** Where the pool connects, for the spans' `server.*` and `db.namespace` (never the credentials). */
export interface PgTarget {
  host?: string;
  port?: number;
  database?: string;
}

/** The host, port and database of a `postgres://` URL; nothing else of it (it holds the password). */
export function pgTargetOf(url: string): PgTarget {
  try {
    const parsed = new URL(url);
    return {
      host: parsed.hostname || undefined,
      port: parsed.port ? Number(parsed.port) : 5432,
      database: decodeURIComponent(parsed.pathname.replace(/^\//, '')) || undefined,
    };
  } catch {
    return {};
  }
}

type Callback = (error: Error | null, result?: unknown) => void;

/**
 * A pg Client whose queries are CLIENT spans under the current request's span (and only there:
 * boot, migrations and background work stay untraced). Given to this app's pool alone (the
 * pool's `Client` option), so no other pool in the process is touched, and only when tracing is on.
 * Spans carry the statement's summary, never its text or bound values.
 */
export function tracedPgClient(tracing: Tracing, target: PgTarget): typeof pg.Client {
  const fixed: SpanAttributes = {
    'db.system.name': 'postgresql',
    'db.namespace': target.database,
    'server.address': target.host,
    'server.port': target.port,
  };
  // A statement's attributes are built once (statements repeat; summaries are cached objects).
  const attributesOf = new WeakMap<SqlSummary, SpanAttributes>();
  const open = (text: string): TracedSpan | null => {
    const summary = summarizeSql(text);
    let attributes = attributesOf.get(summary);
    if (!attributes) {
      attributes = {
        ...fixed,
        'db.operation.name': summary.operation,
        'db.collection.name': summary.table,
        'db.query.summary': summary.summary,
      };
      attributesOf.set(summary, attributes);
    }
    return tracing.startSpan(summary.summary, 'client', attributes);
  };
  const close = (span: TracedSpan, error: unknown) => {
    if (error) {
      const code = (error as { code?: unknown }).code;
      if (typeof code === 'string') span.setAttribute('db.response.status_code', code);
      span.fail(errorTypeOf(error));
    }
    span.end();
  };

  class TracedPgClient extends pg.Client {
    // pg's overloads: (text | config | submittable, values?, callback?); promise when no callback.
    override query(...args: unknown[]): never {
      const first = args[0] as { text?: unknown; submit?: unknown } | string | undefined;
      const text = typeof first === 'string' ? first : first?.text;
      const query = super.query.bind(this) as (...a: unknown[]) => never;
      // Streams and cursors (submittables) are left alone.
      const span =
        typeof text === 'string' && typeof (first as { submit?: unknown })?.submit !== 'function'
          ? open(text)
          : null;
      if (!span) return query(...args);
      const last = args.length - 1;
      if (typeof args[last] === 'function') {
        const callback = args[last] as Callback;
        args[last] = (error: Error | null, result?: unknown) => {
          close(span, error);
          callback(error, result);
        };
        return query(...args);
      }
      return (query(...args) as Promise<unknown>).then(
        (result) => {
          close(span, null);
          return result;
        },
        (error: unknown) => {
          close(span, error);
          throw error;
        },
      ) as never;
    }
  }
  return TracedPgClient;
}
