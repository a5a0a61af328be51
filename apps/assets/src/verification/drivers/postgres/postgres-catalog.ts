import type pg from 'pg';
import { globToLike, type DiscoveryLimits } from '../../discovery-filter.js';
import type { ProbeContext } from '../../probe-context.js';
import type { DiscoveredSchema } from '../../verification.types.js';
import { chunk, groupCatalog, qualifySelected, type CatalogRow } from '../shared/catalog.js';

const RELKIND_TYPES: Record<string, string> = {
  r: 'table',
  v: 'view',
  m: 'materialized_view',
  f: 'foreign_table',
  p: 'partitioned_table',
};

export interface CatalogResult {
  schemas: DiscoveredSchema[];
  truncated: boolean;
  /** Listed objects the user can SELECT from. */
  selectable: number;
  listed: number;
}

/**
 * One catalog query over pg_namespace/pg_class: user schemas only, partitions folded into their
 * parent, filtered in SQL, ordered, and limited to max+1 rows so truncation is known exactly.
 */
export async function discoverPostgresCatalog(
  client: pg.Client,
  limits: DiscoveryLimits,
): Promise<CatalogResult> {
  const { rows } = await client.query<CatalogRow & { can_select: boolean }>({
    text: `SELECT n.nspname AS schema_name, c.relname AS table_name, c.relkind AS table_type,
                  has_table_privilege(c.oid, 'SELECT') AS can_select
             FROM pg_catalog.pg_class c
             JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'v', 'm', 'f', 'p')
              AND NOT c.relispartition
              AND n.nspname <> 'information_schema'
              AND n.nspname NOT LIKE 'pg\\_%'
              AND (cardinality($1::text[]) = 0 OR (n.nspname || '.' || c.relname) LIKE ANY ($1::text[]))
              AND NOT ((n.nspname || '.' || c.relname) LIKE ANY ($2::text[]))
            ORDER BY n.nspname, c.relname
            LIMIT $3`,
    values: [limits.include.map(globToLike), limits.exclude.map(globToLike), limits.maxObjects + 1],
  });
  const typed = rows.map((r) => ({ ...r, table_type: RELKIND_TYPES[r.table_type] ?? 'table' }));
  const kept = typed.slice(0, limits.maxObjects);
  return {
    ...groupCatalog(typed, limits.maxObjects),
    selectable: kept.filter((r) => r.can_select).length,
    listed: kept.length,
  };
}

/**
 * Which of the selected tables no longer exist, and which exist but this login may no longer
 * SELECT from (checked directly, not against a truncated list).
 */
export async function checkSelected(
  client: pg.Client,
  selected: readonly string[],
  defaultSchema: string,
): Promise<{ missing: string[]; unreadable: string[] }> {
  const wanted = qualifySelected(selected, defaultSchema);
  const present = new Map<string, boolean>();
  for (const names of chunk([...wanted.keys()], 1000)) {
    const placeholders = names.map((_, i) => `$${i + 1}`).join(', ');
    const { rows } = await client.query<{ qualified: string; can_select: boolean }>({
      text: `SELECT n.nspname || '.' || c.relname AS qualified, has_table_privilege(c.oid, 'SELECT') AS can_select
               FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
              WHERE (n.nspname || '.' || c.relname) IN (${placeholders})`,
      values: names,
    });
    for (const row of rows) present.set(row.qualified, row.can_select);
  }
  const entries = [...wanted.entries()];
  return {
    missing: entries.filter(([qualified]) => !present.has(qualified)).map(([, original]) => original),
    unreadable: entries
      .filter(([qualified]) => present.get(qualified) === false)
      .map(([, original]) => original),
  };
}

/**
 * Runs the selected-tables check inside the `discover` step: the missing ones are returned, the
 * unreadable ones noted on the context (health checks call that `permission_lost`).
 */
export async function reportMissingSelected(
  client: pg.Client,
  ctx: ProbeContext,
  defaultSchema: string,
): Promise<string[] | undefined> {
  if (ctx.selectedTables.length === 0) return undefined;
  const { missing, unreadable } = await checkSelected(client, ctx.selectedTables, defaultSchema);
  if (unreadable.length) ctx.noteUnreadableSelected(unreadable);
  return missing;
}
