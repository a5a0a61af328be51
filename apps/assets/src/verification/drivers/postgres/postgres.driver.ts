import type pg from 'pg';
import { ConnectorDriver, type EgressTarget } from '../../connector-driver.js';
import type { ProbeContext } from '../../probe-context.js';
import type { DriverOutcome, VerificationInput } from '../../verification.types.js';
import { discoverPostgresCatalog, reportMissingSelected } from './postgres-catalog.js';
import { openPostgresSession } from './postgres-session.js';
import { readPostgresSettings, type PostgresFlavour } from './postgres-settings.js';
import { ALL_STEPS } from '../shared/steps.js';

const FLAVOUR: PostgresFlavour = {
  defaultPort: 5432,
  defaultSslMode: 'prefer',
  credentialFields: ['username', 'password', 'ca_cert', 'client_cert', 'client_key'],
};

export class PostgresDriver extends ConnectorDriver {
  readonly type = 'postgres' as const;
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
          const version = await serverVersion(session.client);
          const catalog = await discoverPostgresCatalog(session.client, ctx.limits);
          const missing = await reportMissingSelected(session.client, ctx, settings.dbSchema);
          return { version, catalog, missing };
        },
        ({ catalog }) =>
          `${catalog.listed} objects in ${catalog.schemas.length} schemas${catalog.truncated ? ' (truncated)' : ''}`,
      );
      await ctx.step(
        'privileges',
        () => checkRolePrivileges(session.client, ctx, catalog),
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

async function serverVersion(client: pg.Client): Promise<string> {
  const { rows } = await client.query<{ v: string }>(`SELECT current_setting('server_version') AS v`);
  return `PostgreSQL ${rows[0].v}`;
}

/** Warns about credentials stronger than a read-only check needs; counts SELECT-able objects. */
export async function checkRolePrivileges(
  client: pg.Client,
  ctx: ProbeContext,
  catalog: { selectable: number; listed: number },
): Promise<string> {
  const { rows } = await client.query<{
    rolsuper: boolean;
    rolcreaterole: boolean;
    rolcreatedb: boolean;
    rolreplication: boolean;
    rolbypassrls: boolean;
  }>(
    `SELECT rolsuper, rolcreaterole, rolcreatedb, rolreplication, rolbypassrls
       FROM pg_catalog.pg_roles WHERE rolname = current_user`,
  );
  const role = rows[0];
  if (role?.rolsuper) ctx.warn('this credential is a superuser; use a read-only role');
  if (role?.rolcreaterole)
    ctx.warn('this credential can create roles and grant logins; use a read-only role');
  if (role?.rolreplication) ctx.warn('this credential has the replication privilege');
  if (role?.rolbypassrls && !role.rolsuper) ctx.warn('this credential bypasses row-level security');
  if (catalog.listed > 0 && catalog.selectable === 0)
    ctx.warn('this credential cannot SELECT from any discovered table');
  return `SELECT on ${catalog.selectable} of ${catalog.listed} discovered objects`;
}
