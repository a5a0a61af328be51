import type { DiscoveredSchema } from '../../verification.types.js';

export interface CatalogRow {
  schema_name: string;
  table_name: string;
  table_type: string;
}

/** Groups ordered rows into schemas; `limit` rows at most (the query fetched limit+1). */
export function groupCatalog(
  rows: readonly CatalogRow[],
  limit: number,
): { schemas: DiscoveredSchema[]; truncated: boolean } {
  const schemas: DiscoveredSchema[] = [];
  let current: DiscoveredSchema | undefined;
  const kept = rows.length > limit ? rows.slice(0, limit) : rows;
  for (const row of kept) {
    if (!current || current.name !== row.schema_name) {
      current = { name: row.schema_name, tables: [] };
      schemas.push(current);
    }
    current.tables.push({ name: row.table_name, type: row.table_type });
  }
  return { schemas, truncated: rows.length > limit };
}

/** `table` → `defaultSchema.table`; `schema.table` stays. */
export function qualifySelected(selected: readonly string[], defaultSchema: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of selected) {
    if (typeof name !== 'string' || name.length === 0) continue;
    out.set(name.includes('.') ? name : `${defaultSchema}.${name}`, name);
  }
  return out;
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
