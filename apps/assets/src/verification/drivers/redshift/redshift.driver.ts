import type pg from 'pg';
import { ConnectorDriver, type EgressTarget } from '../../connector-driver.js';
import { globToLike, type DiscoveryLimits } from '../../discovery-filter.js';
import type { ProbeContext } from '../../probe-context.js';
import type { DriverOutcome, VerificationInput } from '../../verification.types.js';
import {
  discoverPostgresCatalog,
  reportMissingSelected,
  type CatalogResult,
} from '../postgres/postgres-catalog.js';
import { openPostgresSession } from '../postgres/postgres-session.js';
import { readPostgresSettings, type PostgresFlavour } from '../postgres/postgres-settings.js';
import { groupCatalog, type CatalogRow } from '../shared/catalog.js';
import { ALL_STEPS } from '../shared/steps.js';

const FLAVOUR: PostgresFlavour = {
  defaultPort: 5439,
  defaultSslMode: 'require',
  credentialFields: ['username', 'password', 'ca_cert'],
};

const SVV_TYPES: Record<string, string> = {
  TABLE: 'table',
  'BASE TABLE': 'table',
  VIEW: 'view',
  'EXTERNAL TABLE': 'external_table',
};

/**
 * Redshift speaks the Postgres protocol but its catalog differs: discovery uses `svv_tables`
 * (which also lists external and datashare tables) and privileges use `pg_user`. Where those
 * views are absent (a Postgres endpoint), it falls back to the Postgres catalog.
 */
export class RedshiftDriver extends ConnectorDriver {
  readonly type = 'redshift' as const;
  readonly steps = ALL_STEPS;

  target(input: VerificationInput): EgressTarget {
    const settings = readPostgresSettings(input, FLAVOUR);
    return { host: settings.host, port: settings.port };
  }

  async verify(input: VerificationInput, ctx: ProbeContext): Promise<DriverOutcome> {
    const settings = readPostgresSettings(input, FLAVOUR);
    const session = await openPostgresSession(settings, ctx);
    try {
      const { version, catalog, missing } = await ctx.step(
        'discover',
        async () => {
          const { version, redshift } = await serverInfo(session.client);
          const catalog = redshift
            ? await discoverSvvTables(session.client, ctx.limits)
            : await discoverPostgresCatalog(session.client, ctx.limits);
          const missing = await reportMissingSelected(session.client, ctx, settings.dbSchema);
          return { version, catalog, missing, redshift };
        },
        ({ catalog, redshift }) =>
          `${catalog.listed} objects in ${catalog.schemas.length} schemas via ${redshift ? 'svv_tables' : 'the Postgres catalog'}${catalog.truncated ? ' (truncated)' : ''}`,
      );
      await ctx.step(
        'privileges',
        () => checkUserPrivileges(session.client, ctx, catalog),
        (m) => m,
      );
      return {
        server_version: version,
        schemas: catalog.schemas,
        truncated: catalog.truncated,
        missing_selected_tables: missing,
      };
    } finally {
      await session.close();
    }
  }
}

async function serverInfo(client: pg.Client): Promise<{ version: string; redshift: boolean }> {
  const { rows } = await client.query<{ full: string; svv: number }>(
    `SELECT version() AS full,
            (SELECT count(*) FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
              WHERE n.nspname = 'pg_catalog' AND c.relname = 'svv_tables')::int AS svv`,
  );
  const full = rows[0].full;
  const redshiftVersion = /Redshift ([\d.]+)/.exec(full)?.[1];
  const redshift = rows[0].svv > 0;
  if (redshiftVersion) return { version: `Redshift ${redshiftVersion}`, redshift };
  return { version: /^(PostgreSQL [\d.]+)/.exec(full)?.[1] ?? 'unknown', redshift };
}

/** svv_tables with filters as OR-ed LIKE parameters (Redshift has no array parameters). */
async function discoverSvvTables(client: pg.Client, limits: DiscoveryLimits): Promise<CatalogResult> {
  const values: unknown[] = [];
  const param = (v: unknown) => {
    values.push(v);
    return `$${values.length}`;
  };
  const qualified = `(table_schema || '.' || table_name)`;
  const include = limits.include.length
    ? `AND (${limits.include.map((g) => `${qualified} LIKE ${param(globToLike(g))}`).join(' OR ')})`
    : '';
  const exclude = limits.exclude.map((g) => `AND ${qualified} NOT LIKE ${param(globToLike(g))}`).join(' ');
  const { rows } = await client.query<CatalogRow & { can_select: boolean }>({
    text: `SELECT table_schema AS schema_name, table_name, table_type,
                  has_table_privilege(quote_ident(table_schema) || '.' || quote_ident(table_name), 'SELECT') AS can_select
             FROM svv_tables
            WHERE table_schema NOT IN ('pg_catalog', 'information_schema', 'pg_internal', 'pg_automv')
              ${include} ${exclude}
            ORDER BY table_schema, table_name
            LIMIT ${param(limits.maxObjects + 1)}`,
    values,
  });
  const typed = rows.map((r) => ({
    ...r,
    table_type: SVV_TYPES[r.table_type] ?? r.table_type.toLowerCase(),
  }));
  const kept = typed.slice(0, limits.maxObjects);
  return {
    ...groupCatalog(typed, limits.maxObjects),
    selectable: kept.filter((r) => r.can_select).length,
    listed: kept.length,
  };
}

/** `pg_user` exists on both Redshift and Postgres (Redshift has no pg_roles.rolcreaterole). */
async function checkUserPrivileges(
  client: pg.Client,
  ctx: ProbeContext,
  catalog: CatalogResult,
): Promise<string> {
  const { rows } = await client.query<{ usesuper: boolean; usecreatedb: boolean }>(
    `SELECT usesuper, usecreatedb FROM pg_catalog.pg_user WHERE usename = current_user`,
  );
  if (rows[0]?.usesuper) ctx.warn('this credential is a superuser; use a read-only role');
  if (rows[0]?.usecreatedb) ctx.warn('this credential can create databases');
  if (catalog.listed > 0 && catalog.selectable === 0)
    ctx.warn('this credential cannot SELECT from any discovered table');
  return `SELECT on ${catalog.selectable} of ${catalog.listed} discovered objects`;
}
