import type pg from 'pg';
import {
  type DataSource,
  type Driver,
  type EntityManager,
  type EntityMetadata,
  type EntityTarget,
  type ObjectLiteral,
  QueryFailedError,
  type SelectQueryBuilder,
  type UpdateQueryBuilder,
} from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { SystemScope, type TenantScope } from '@app/core';

/** A tenant's scope, or a named system job's. */
export type Scope = TenantScope | SystemScope;

/**
 * How a table's rows name their tenant, as SQL over the alias a statement gives the table. A table
 * with a scope key holds project rows and org-level rows (key ''): a project scope sees its project
 * and the org level, an org-level scope sees the org level only. A table without one belongs to orgs.
 */
export interface TenantTable {
  readonly name: string;
  org(alias: string): string;
  scopeKey?(alias: string): string;
}

/** A tenant table mapped to an entity, for typed selects, updates and inserts. */
export interface TenantEntityTable<E extends ObjectLiteral> extends TenantTable {
  readonly entity: EntityTarget<E>;
  /** The scope a row belongs to; a row is inserted only in its own scope. */
  ownerOf(row: E): TenantScope;
}

/** Writes the tenant filter for one table of a statement (alias: the table's name). */
export type TenantFilter = (table: TenantTable, alias?: string) => string;

/** A table whose tenant sits in plain columns: the org's, and the project scope key's if any. */
export function tenantColumns(name: string, org: string, scopeKey?: string): TenantTable {
  return {
    name,
    org: (alias) => `${alias}.${org}`,
    ...(scopeKey === undefined ? {} : { scopeKey: (alias: string) => `${alias}.${scopeKey}` }),
  };
}

/** The project scope keys a tenant scope sees: its project and the org level (''), or the org level. */
export function scopeKeysOf(scope: TenantScope): string[] {
  return scope.projectId ? [scope.projectId, ''] : [''];
}

const ORG_PARAMETER = 'tenant_org';
const KEYS_PARAMETER = 'tenant_keys';

function tenantPredicate(scope: Scope, table: TenantTable, alias: string): string {
  if (scope instanceof SystemScope && scope.orgId === null) return 'TRUE';
  const org = `${table.org(alias)} = :${ORG_PARAMETER}`;
  if (scope instanceof SystemScope || !table.scopeKey) return `(${org})`;
  return `(${org} AND ${table.scopeKey(alias)} = ANY(:${KEYS_PARAMETER}))`;
}

function tenantParameters(scope: Scope): Record<string, unknown> {
  if (scope instanceof SystemScope) return scope.orgId === null ? {} : { [ORG_PARAMETER]: scope.orgId };
  return { [ORG_PARAMETER]: scope.orgId, [KEYS_PARAMETER]: scopeKeysOf(scope) };
}

function owns(scope: Scope, table: TenantTable, owner: TenantScope): boolean {
  if (scope instanceof SystemScope) return scope.orgId === null || owner.orgId === scope.orgId;
  return owner.orgId === scope.orgId && (!table.scopeKey || owner.projectId === scope.projectId);
}

/** Rows of `query()`: TypeORM answers `[rows, count]` for UPDATE and DELETE, rows otherwise. */
function rowsOf<R>(result: unknown): R[] {
  if (Array.isArray(result) && Array.isArray(result[0])) return result[0] as R[];
  return (Array.isArray(result) ? result : []) as R[];
}

let unwrap!: (tx: ScopedTransaction) => EntityManager;

/**
 * A transaction handle that only scoped repository methods can run statements in: it has no query
 * methods of its own, so an unscoped statement cannot be written inside a transaction either.
 */
export class ScopedTransaction {
  readonly #manager: EntityManager;

  static {
    unwrap = (tx) => tx.#manager;
  }

  private constructor(manager: EntityManager) {
    this.#manager = manager;
  }

  /** Wraps a transaction opened elsewhere (Governance's audited changes) for repository calls. */
  static of(manager: EntityManager): ScopedTransaction {
    return new ScopedTransaction(manager);
  }
}

/**
 * The base of every repository: its query methods take the scope first and add the tenant filter
 * themselves, and the DataSource is private to this class, so an unscoped query cannot be written
 * through a repository (novu's DAL does the same with its enforced query types). A query across
 * tenants needs a named SystemScope.
 */
const NAMED_PARAMETER = /:(\.\.\.)?([A-Za-z0-9_.]+)/g;
const COMPILED_LIMIT = 1000;
/** Statement text + parameter names → `$n` text and the names in order; null when a `:...list` spreads. */
const compiledStatements = new Map<string, { text: string; names: string[] } | null>();

/**
 * `:name` parameters as PostgreSQL's `$n`, as TypeORM's escapeQueryWithParameters does, but each
 * statement is compiled once: it was a tenth of a hot read's time (bench/connections.bench.js).
 * A statement that spreads an array (`:...list`) has a text that depends on the array's length,
 * so it goes to TypeORM every time (null).
 */
function positional(sql: string, params: Record<string, unknown>): [string, unknown[]] | null {
  const key = `${sql}\u0000${Object.keys(params).join(',')}`;
  let compiled = compiledStatements.get(key);
  if (compiled === undefined) {
    const names: string[] = [];
    let spreads = false;
    const text = sql.replace(NAMED_PARAMETER, (full, spread: string | undefined, name: string) => {
      if (!Object.hasOwn(params, name)) return full;
      if (spread) spreads = true;
      const index = names.indexOf(name);
      if (index >= 0) return `$${index + 1}`;
      names.push(name);
      return `$${names.length}`;
    });
    compiled = spreads || names.some((name) => typeof params[name] === 'function') ? null : { text, names };
    if (compiledStatements.size >= COMPILED_LIMIT) compiledStatements.clear();
    compiledStatements.set(key, compiled);
  }
  return compiled && [compiled.text, compiled.names.map((name) => params[name])];
}

/**
 * The entity's metadata when its insert is only its columns' values into a table of the default
 * schema: no generated, dated, versioned, relation or embedded columns, no inheritance, listeners
 * or subscribers. Null when TypeORM must insert it.
 */
const plainInserts = new WeakMap<EntityMetadata, boolean>();
function plainInsertOf(dataSource: DataSource, entity: EntityTarget<ObjectLiteral>): EntityMetadata | null {
  if (dataSource.subscribers.length > 0) return null;
  const metadata = dataSource.getMetadata(entity);
  let plain = plainInserts.get(metadata);
  if (plain === undefined) {
    plain =
      metadata.beforeInsertListeners.length === 0 &&
      metadata.afterInsertListeners.length === 0 &&
      metadata.relations.length === 0 &&
      metadata.embeddeds.length === 0 &&
      !metadata.inheritancePattern &&
      !metadata.schema &&
      metadata.columns.every(
        (c) =>
          c.isInsert &&
          !c.isGenerated &&
          !c.isCreateDate &&
          !c.isUpdateDate &&
          !c.isDeleteDate &&
          !c.isVersion &&
          !c.isVirtual &&
          !c.isVirtualProperty &&
          !c.isDiscriminator &&
          !c.isTreeLevel &&
          !c.generatedType,
      );
    plainInserts.set(metadata, plain);
  }
  return plain ? metadata : null;
}

/** Column types a one-dimensional `unnest($n::type[])` carries as they are (not enums, not arrays). */
const UNNEST_TYPES = new Set([
  'uuid',
  'text',
  'character varying',
  'timestamp with time zone',
  'timestamp without time zone',
  'date',
  'jsonb',
  'json',
  'integer',
  'bigint',
  'smallint',
  'numeric',
  'double precision',
  'real',
  'boolean',
  'bytea',
]);

interface Statement {
  text: string;
  values: unknown[];
}

const insertHead = (driver: Driver, metadata: EntityMetadata, columns: ColumnMetadata[]) =>
  `INSERT INTO ${driver.escape(metadata.tableName)} (${columns.map((c) => driver.escape(c.databaseName)).join(', ')})`;

/** One row per VALUES tuple; a value left undefined takes the column's DEFAULT. */
function valuesInsertOf(
  driver: Driver,
  metadata: EntityMetadata,
  columns: ColumnMetadata[],
  rows: ObjectLiteral[],
): Statement {
  const values: unknown[] = [];
  const tuples = rows.map((row) => {
    const placeholders = columns.map((column) => {
      const value: unknown = column.getEntityValue(row);
      if (value === undefined) return 'DEFAULT';
      values.push(driver.preparePersistentValue(value, column));
      return `$${values.length}`;
    });
    return `(${placeholders.join(', ')})`;
  });
  return { text: `${insertHead(driver, metadata, columns)} VALUES ${tuples.join(', ')}`, values };
}

/**
 * Many rows as one array per column: one statement text whatever their number (so it is prepared
 * once), and about a fifth less of PostgreSQL's time per row than a VALUES list (bench/README.md).
 * Null for one row, a DEFAULT to take, or a column an array cannot carry as it is.
 */
function unnestInsertOf(
  driver: Driver,
  metadata: EntityMetadata,
  columns: ColumnMetadata[],
  rows: ObjectLiteral[],
): Statement | null {
  if (rows.length < 2) return null;
  const types = columns.map((c) => driver.normalizeType(c));
  if (columns.some((c, i) => c.isArray || !UNNEST_TYPES.has(types[i]))) return null;
  const arrays: unknown[][] = columns.map(() => []);
  for (const row of rows)
    for (const [i, column] of columns.entries()) {
      const value: unknown = column.getEntityValue(row);
      if (value === undefined) return null;
      arrays[i].push(driver.preparePersistentValue(value, column));
    }
  const casts = types.map((type, i) => `$${i + 1}::${type}[]`).join(', ');
  return { text: `${insertHead(driver, metadata, columns)} SELECT * FROM unnest(${casts})`, values: arrays };
}

export abstract class ScopedRepository {
  readonly #dataSource: DataSource;

  protected constructor(dataSource: DataSource) {
    this.#dataSource = dataSource;
  }

  /**
   * Raw SQL with named parameters (`:name`). `statement` gets the tenant filter and ANDs it at the
   * top level of each WHERE that picks rows of a tenant table (a subquery correlated to a filtered
   * row needs none). A statement that never asks for the filter is refused before it runs.
   */
  protected async sql<R>(
    scope: Scope,
    statement: (tenant: TenantFilter) => string,
    params: Record<string, unknown> = {},
    tx?: ScopedTransaction,
  ): Promise<R[]> {
    if (ORG_PARAMETER in params || KEYS_PARAMETER in params)
      throw new Error(`${ORG_PARAMETER} and ${KEYS_PARAMETER} are the tenant filter's parameters`);
    let filtered = false;
    const sql = statement((table, alias = table.name) => {
      filtered = true;
      return tenantPredicate(scope, table, alias);
    });
    if (!filtered) throw new Error('A scoped statement must filter on its tenant: call tenant(table) in it');
    const all = { ...params, ...tenantParameters(scope) };
    const [text, values] =
      positional(sql, all) ?? this.#dataSource.driver.escapeQueryWithParameters(sql, all);
    return this.run<R>(text, values, tx);
  }

  /** A select over `table`, filtered on the scope after `build` added its own conditions. */
  protected selectFrom<E extends ObjectLiteral>(
    scope: Scope,
    table: TenantEntityTable<E>,
    alias: string,
    build?: (qb: SelectQueryBuilder<E>) => unknown,
    tx?: ScopedTransaction,
  ): SelectQueryBuilder<E> {
    const qb = this.managerOf(tx).createQueryBuilder<E>(table.entity, alias);
    build?.(qb);
    return withTenantFilter(qb, scope, table, alias);
  }

  /** An update of `table` (unaliased in SQL: use its name), filtered on the scope after `build`. */
  protected updateIn<E extends ObjectLiteral>(
    scope: Scope,
    table: TenantEntityTable<E>,
    set: QueryDeepPartialEntity<E>,
    build: (qb: UpdateQueryBuilder<E>) => unknown,
    tx?: ScopedTransaction,
  ): UpdateQueryBuilder<E> {
    const qb = this.managerOf(tx).createQueryBuilder().update(table.entity).set(set);
    build(qb);
    return withTenantFilter(qb, scope, table, table.name);
  }

  /** Inserts rows that all belong to the scope; a row of another tenant is refused before it is sent. */
  protected async insertInto<E extends ObjectLiteral>(
    scope: Scope,
    table: TenantEntityTable<E>,
    rows: E[],
    tx?: ScopedTransaction,
  ): Promise<void> {
    for (const row of rows) {
      if (!owns(scope, table, table.ownerOf(row)))
        throw new Error(`A row outside its tenant scope cannot be inserted into ${table.name}`);
    }
    const metadata = plainInsertOf(this.#dataSource, table.entity);
    if (rows.length === 0 || !metadata) {
      await this.managerOf(tx)
        .getRepository(table.entity)
        .insert(rows as QueryDeepPartialEntity<E>[]);
      return;
    }
    // A plain INSERT, values converted by TypeORM's own driver: the query builder cost more
    // than the statement on the audit write of every secret read (bench/README.md).
    const driver = this.#dataSource.driver;
    const columns = metadata.columns.filter((c) => rows.some((row) => c.getEntityValue(row) !== undefined));
    const statement =
      unnestInsertOf(driver, metadata, columns, rows) ?? valuesInsertOf(driver, metadata, columns, rows);
    await this.run(statement.text, statement.values, tx);
  }

  /**
   * One statement: on the transaction, or outside one straight on the pool (a TypeORM query runner
   * per statement was about a tenth of a hot read's CPU: bench/profile-assets.js). Errors keep
   * TypeORM's shape.
   */
  private async run<R>(text: string, values: unknown[], tx: ScopedTransaction | undefined): Promise<R[]> {
    if (tx) return rowsOf<R>(await unwrap(tx).query(text, values));
    try {
      return (await this.pool().query(text, values)).rows as R[];
    } catch (error) {
      throw error instanceof Error && 'code' in error ? new QueryFailedError(text, values, error) : error;
    }
  }

  protected transaction<T>(work: (tx: ScopedTransaction) => Promise<T>): Promise<T> {
    return this.#dataSource.transaction((manager) => work(ScopedTransaction.of(manager)));
  }

  private pool(): pg.Pool {
    return (this.#dataSource.driver as unknown as { master: pg.Pool }).master;
  }

  private managerOf(tx: ScopedTransaction | undefined): EntityManager {
    return tx ? unwrap(tx) : this.#dataSource.manager;
  }
}

/** What select and update builders share: their conditions, and a way to AND one more. */
interface FilterableBuilder {
  readonly expressionMap: { readonly wheres: ReadonlyArray<{ readonly type: string }> };
  andWhere(where: string, parameters?: ObjectLiteral): unknown;
}

/**
 * ANDs the tenant filter onto a builder's conditions. A top-level OR among them would let rows of
 * other tenants through (`a OR b AND tenant`), so it is refused: alternatives go in Brackets.
 */
function withTenantFilter<Q extends FilterableBuilder>(
  qb: Q,
  scope: Scope,
  table: TenantTable,
  alias: string,
): Q {
  if (qb.expressionMap.wheres.some((where) => where.type === 'or')) {
    throw new Error('A scoped query cannot have a top-level OR: put the alternatives in Brackets');
  }
  qb.andWhere(tenantPredicate(scope, table, alias), tenantParameters(scope));
  return qb;
}
