import { AppException, DependencyUnavailableError, GroupedCalls } from '@app/core';
import type {
  ResourceSecretPage,
  ResourceSecretPageRequest,
  SecretMetadata,
  SecretRef,
  SecretScope,
  SecretsCallOptions,
} from '../secrets-backend.js';
import { SecretsBackend, assertBeforeDeadline } from '../secrets-backend.js';
import {
  assertPageLimit,
  assertSecretValue,
  decodeListCursor,
  encodeListCursor,
  normalizeDescription,
  normalizeRef,
  normalizeScope,
  type NormalizedScope,
} from '../secret-ref.js';
import { assertMasterKey, masterKeyId, openSecret, sealSecret } from './envelope.cipher.js';

/** The slice of `pg.Pool` this backend needs (a Pool, a PoolClient or a test double). */
export interface SqlQueryable {
  query(sql: string, params?: unknown[]): Promise<{ rows: unknown[]; rowCount: number | null }>;
}

interface MetadataRow {
  name: string;
  description: string | null;
  created_at: Date | string;
  updated_at: Date | string;
  version: number;
}

interface SecretRow extends MetadataRow {
  project_id: string;
  resource_uri: string;
  ciphertext: Buffer;
  iv: Buffer;
  tag: Buffer;
  wrapped_key: Buffer;
  key_id: string;
}

const METADATA_COLUMNS = 'name, description, created_at, updated_at, version';
const DEPENDENCY = 'secrets database';

/** Connection-level failures (not query errors) mean the database is unavailable. */
function isConnectionError(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown };
  const code = typeof e?.code === 'string' ? e.code : '';
  if (
    ['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EHOSTUNREACH', 'EPIPE', 'EAI_AGAIN'].includes(
      code,
    )
  )
    return true;
  if (/^(08|53|57P)/.test(code)) return true;
  const message = typeof e?.message === 'string' ? e.message : '';
  return /Connection terminated|connection timeout|Client has encountered a connection error|pool.*(ended|closed)/i.test(
    message,
  );
}

function toMetadata(row: MetadataRow): SecretMetadata {
  return {
    name: row.name,
    description: row.description,
    created_at: new Date(row.created_at).toISOString(),
    updated_at: new Date(row.updated_at).toISOString(),
    version: Number(row.version),
  };
}

/** A secret's place inside its org, as the unique key spells it ('' for none). */
interface RowKey {
  projectId: string;
  resourceUri: string;
  name: string;
}

const keyOf = (projectId: string, resourceUri: string, name: string): string =>
  `${projectId}\u0000${resourceUri}\u0000${name}`;

/** '' stands for null in the unique key (see the migration). */
function scopeParams(scope: NormalizedScope): [string, string, string] {
  return [scope.orgId, scope.projectId ?? '', scope.resourceUri ?? ''];
}

/**
 * Default backend: AES-256-GCM envelope encryption in the governance database. Every version gets
 * a fresh data key wrapped by the master key; AAD binds each row to its scope and name.
 */
export class EmbeddedSecretsBackend extends SecretsBackend {
  readonly kind = 'embedded' as const;
  private readonly masterKey: Buffer;
  /** masterKeyId of the key, computed once: never recomputed on a read. */
  private readonly keyId: string;

  /**
   * Reads of one org that arrive together, or while one is in flight, go in one statement
   * (GroupedCalls): under load one SELECT serves many secret reads. Each is decrypted alone.
   */
  private readonly reads = new GroupedCalls<RowKey, SecretRow | undefined>({
    run: (orgId, keys) => this.selectRows(orgId, keys),
    gatherWithinTurn: true,
  });

  constructor(
    private readonly db: SqlQueryable,
    masterKey: Buffer,
  ) {
    super();
    assertMasterKey(masterKey);
    this.masterKey = Buffer.from(masterKey);
    this.keyId = masterKeyId(this.masterKey);
  }

  /** The rows of `keys` in one org, one per key (undefined where none), in the keys' order. */
  private async selectRows(orgId: string, keys: RowKey[]): Promise<(SecretRow | undefined)[]> {
    const { rows } = await this.query<SecretRow>(
      `SELECT project_id, resource_uri, ${METADATA_COLUMNS}, ciphertext, iv, tag, wrapped_key, key_id
       FROM secrets WHERE org_id = $1 AND (project_id, resource_uri, name) IN
       (SELECT * FROM unnest($2::varchar[], $3::varchar[], $4::varchar[]))`,
      [orgId, keys.map((k) => k.projectId), keys.map((k) => k.resourceUri), keys.map((k) => k.name)],
    );
    const found = new Map(rows.map((row) => [keyOf(row.project_id, row.resource_uri, row.name), row]));
    return keys.map((key) => found.get(keyOf(key.projectId, key.resourceUri, key.name)));
  }

  /** Checks the caller's deadline before each statement: nothing runs once it has passed. */
  private async query<R>(
    sql: string,
    params: unknown[],
    options?: SecretsCallOptions,
  ): Promise<{ rows: R[]; rowCount: number }> {
    assertBeforeDeadline(DEPENDENCY, options?.signal);
    try {
      const result = await this.db.query(sql, params);
      return { rows: result.rows as R[], rowCount: result.rowCount ?? 0 };
    } catch (err) {
      if (isConnectionError(err)) throw new DependencyUnavailableError(DEPENDENCY, err);
      throw err;
    }
  }

  async create(
    ref: SecretRef,
    value: string,
    description?: string | null,
    options?: SecretsCallOptions,
  ): Promise<SecretMetadata> {
    const r = normalizeRef(ref);
    assertSecretValue(value);
    const desc = normalizeDescription(description) ?? null;
    const s = sealSecret(this.masterKey, r, value, this.keyId);
    const { rows } = await this.query<MetadataRow>(
      `INSERT INTO secrets (org_id, project_id, resource_uri, name, description, ciphertext, iv, tag, wrapped_key, key_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (org_id, project_id, resource_uri, name) DO NOTHING
       RETURNING ${METADATA_COLUMNS}`,
      [...scopeParams(r), r.name, desc, s.ciphertext, s.iv, s.tag, s.wrappedKey, s.keyId],
      options,
    );
    if (!rows[0]) throw AppException.conflict(`Secret '${r.name}' already exists`, { name: r.name });
    return toMetadata(rows[0]);
  }

  async update(
    ref: SecretRef,
    value: string,
    description?: string | null,
    options?: SecretsCallOptions,
  ): Promise<SecretMetadata> {
    const r = normalizeRef(ref);
    assertSecretValue(value);
    const desc = normalizeDescription(description);
    const s = sealSecret(this.masterKey, r, value, this.keyId);
    const { rows } = await this.query<MetadataRow>(
      `UPDATE secrets SET ciphertext = $5, iv = $6, tag = $7, wrapped_key = $8, key_id = $9,
              description = CASE WHEN $10::boolean THEN $11 ELSE description END,
              version = version + 1, updated_at = now()
       WHERE org_id = $1 AND project_id = $2 AND resource_uri = $3 AND name = $4
       RETURNING ${METADATA_COLUMNS}`,
      [
        ...scopeParams(r),
        r.name,
        s.ciphertext,
        s.iv,
        s.tag,
        s.wrappedKey,
        s.keyId,
        desc !== undefined,
        desc ?? null,
      ],
      options,
    );
    if (!rows[0]) throw AppException.notFound('Secret');
    return toMetadata(rows[0]);
  }

  /** One atomic statement instead of the port's update-then-create. */
  override async upsert(
    ref: SecretRef,
    value: string,
    description?: string | null,
    options?: SecretsCallOptions,
  ): Promise<SecretMetadata> {
    const r = normalizeRef(ref);
    assertSecretValue(value);
    const desc = normalizeDescription(description);
    const s = sealSecret(this.masterKey, r, value, this.keyId);
    const { rows } = await this.query<MetadataRow>(
      `INSERT INTO secrets AS t (org_id, project_id, resource_uri, name, description, ciphertext, iv, tag, wrapped_key, key_id)
       VALUES ($1, $2, $3, $4, $11, $5, $6, $7, $8, $9)
       ON CONFLICT (org_id, project_id, resource_uri, name) DO UPDATE SET
         ciphertext = EXCLUDED.ciphertext, iv = EXCLUDED.iv, tag = EXCLUDED.tag,
         wrapped_key = EXCLUDED.wrapped_key, key_id = EXCLUDED.key_id,
         description = CASE WHEN $10::boolean THEN EXCLUDED.description ELSE t.description END,
         version = t.version + 1, updated_at = now()
       RETURNING ${METADATA_COLUMNS}`,
      [
        ...scopeParams(r),
        r.name,
        s.ciphertext,
        s.iv,
        s.tag,
        s.wrappedKey,
        s.keyId,
        desc !== undefined,
        desc ?? null,
      ],
      options,
    );
    return toMetadata(rows[0]);
  }

  async get(
    ref: SecretRef,
    options?: SecretsCallOptions,
  ): Promise<{ value: string; metadata: SecretMetadata } | null> {
    const r = normalizeRef(ref);
    assertBeforeDeadline(DEPENDENCY, options?.signal);
    const [orgId, projectId, resourceUri] = scopeParams(r);
    const row = await this.reads.submit(orgId, { projectId, resourceUri, name: r.name });
    if (!row) return null;
    const value = openSecret(
      this.masterKey,
      r,
      {
        ciphertext: row.ciphertext,
        iv: row.iv,
        tag: row.tag,
        wrappedKey: row.wrapped_key,
        keyId: row.key_id,
      },
      this.keyId,
    );
    return { value, metadata: toMetadata(row) };
  }

  async list(scope: SecretScope, options?: SecretsCallOptions): Promise<SecretMetadata[]> {
    const s = normalizeScope(scope);
    const { rows } = await this.query<MetadataRow>(
      `SELECT ${METADATA_COLUMNS} FROM secrets WHERE org_id = $1 AND project_id = $2 AND resource_uri = $3 ORDER BY name`,
      scopeParams(s),
      options,
    );
    return rows.map(toMetadata);
  }

  /** Keyset paging over (project, resource, name); the cursor is the last row of the page. */
  async listResourceSecrets(
    orgId: string,
    page: ResourceSecretPageRequest,
    options?: SecretsCallOptions,
  ): Promise<ResourceSecretPage> {
    const { orgId: org } = normalizeScope({ orgId, projectId: null });
    const limit = assertPageLimit(page.limit);
    const after = decodeListCursor(page.cursor, 3);
    const { rows } = await this.query<{
      project_id: string;
      resource_uri: string;
      name: string;
      created_at: Date | string;
      updated_at: Date | string;
    }>(
      `SELECT project_id, resource_uri, name, created_at, updated_at FROM secrets
        WHERE org_id = $1 AND resource_uri <> ''
          AND ($2::text IS NULL OR (project_id, resource_uri, name) > ($2, $3, $4))
        ORDER BY project_id, resource_uri, name
        LIMIT $5`,
      [org, after?.[0] ?? null, after?.[1] ?? null, after?.[2] ?? null, limit + 1],
      options,
    );
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    return {
      items: items.map((row) => ({
        resourceUri: row.resource_uri,
        resourceKey: row.resource_uri,
        name: row.name,
        created_at: new Date(row.created_at).toISOString(),
        updated_at: new Date(row.updated_at).toISOString(),
      })),
      nextCursor:
        rows.length > limit && last
          ? encodeListCursor([last.project_id, last.resource_uri, last.name])
          : null,
    };
  }

  resourceKeyOf(scope: SecretScope): string {
    return normalizeScope(scope).resourceUri ?? '';
  }

  async delete(ref: SecretRef, options?: SecretsCallOptions): Promise<boolean> {
    const r = normalizeRef(ref);
    const { rowCount } = await this.query(
      'DELETE FROM secrets WHERE org_id = $1 AND project_id = $2 AND resource_uri = $3 AND name = $4',
      [...scopeParams(r), r.name],
      options,
    );
    return rowCount > 0;
  }

  async deleteScope(scope: SecretScope, options?: SecretsCallOptions): Promise<number> {
    const s = normalizeScope(scope);
    const { rowCount } = await this.query(
      'DELETE FROM secrets WHERE org_id = $1 AND project_id = $2 AND resource_uri = $3',
      scopeParams(s),
      options,
    );
    return rowCount;
  }

  override bindToTransaction(transaction: SqlQueryable): EmbeddedSecretsBackend {
    return new EmbeddedSecretsBackend(transaction, this.masterKey);
  }

  async healthCheck(options?: SecretsCallOptions): Promise<void> {
    await this.query('SELECT 1 FROM secrets LIMIT 1', [], options);
  }
}
