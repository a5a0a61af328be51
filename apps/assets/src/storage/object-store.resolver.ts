import { Inject, Injectable } from '@nestjs/common';
import { AppException } from '@app/core';
import { assertPermission, AuthzClient, dataConnectionObjectOf, parseDataResourceUri } from '@app/authz';
import { type ObjectStore, STORAGE_CONNECTION_TYPES, type StorageConnectionType } from '@app/storage';
import { ConnectionsService } from '../connections/index.js';
import { AuditRecorder, GovernanceCredentialsStore } from '../governance/index.js';
import { DEFAULT_OBJECT_STORE, type StoreContext } from './storage.tokens.js';
import { ConnectionStoreFactory } from './connection-store.factory.js';

const MAX_CONNECTION_PARAM = 300;

function isStorageType(type: string): type is StorageConnectionType {
  return (STORAGE_CONNECTION_TYPES as readonly string[]).includes(type);
}

/**
 * Picks the store a request works against: the default store, or with `?connection=` a registered
 * storage connection (by resource URI, or by name within the caller's org and X-Project-ID project).
 * A connection store is built per call from credentials fetched from Governance for this call only,
 * so a rotation applies to the next request without a restart. The tenant key prefix still applies
 * inside the connection's bucket (below its own `prefix`), because routes build keys the same way.
 */
@Injectable()
export class ObjectStoreResolver {
  constructor(
    @Inject(DEFAULT_OBJECT_STORE) private readonly defaultStore: ObjectStore,
    private readonly connections: ConnectionsService,
    private readonly credentials: GovernanceCredentialsStore,
    private readonly authz: AuthzClient,
    private readonly audit: AuditRecorder,
    private readonly stores: ConnectionStoreFactory,
  ) {}

  async resolve(context: StoreContext): Promise<ObjectStore> {
    return (await this.resolveWithSource(context)).store;
  }

  /** The store, and the resource URI of the connection it came from (null: the default store). */
  async resolveWithSource(
    context: StoreContext,
  ): Promise<{ store: ObjectStore; connectionUri: string | null }> {
    const raw =
      context.connection !== undefined
        ? (context.connection ?? '')
        : ((context.request.query ?? {}) as Record<string, unknown>).connection;
    if (raw === undefined || raw === '') return { store: this.defaultStore, connectionUri: null };
    if (typeof raw !== 'string' || raw.length > MAX_CONNECTION_PARAM) {
      throw AppException.invalidRequest('connection must be one resource URI or connection name', {
        fields: [{ field: 'connection', message: 'must be one resource URI or connection name' }],
      });
    }
    return this.fromConnection(context, raw);
  }

  private async fromConnection(
    context: StoreContext,
    reference: string,
  ): Promise<{ store: ObjectStore; connectionUri: string }> {
    const { principal, projectId } = context;
    const resourceUri = await this.connections.resolveReference(principal, projectId, reference);
    const ref = parseDataResourceUri(resourceUri);
    // Another org's URI is simply not found: its existence is not ours to confirm.
    if (!ref || ref.orgId !== principal.orgId) throw AppException.notFound('Data connection');
    await assertPermission(
      this.authz,
      principal,
      'can_execute',
      dataConnectionObjectOf(ref),
      'Data connection',
    );
    const row = await this.connections.load(principal, projectId, resourceUri);
    if (!isStorageType(row.connectionType)) {
      throw AppException.validation(`A ${row.connectionType} connection is not a storage connection`, {
        fields: [
          {
            field: 'connection',
            message: `must be a storage connection (${STORAGE_CONNECTION_TYPES.join(', ')})`,
          },
        ],
        allowed_types: STORAGE_CONNECTION_TYPES,
      });
    }
    if (row.status === 'DISABLED')
      throw AppException.conflict('The connection is disabled', { resource_uri: row.resourceUri });
    const destination = await this.stores.destinationOf(row.connectionType, row.config);
    // Never cached: read as the caller for every use, so rotation needs no restart.
    const stored = await this.credentials.read(principal, row.resourceUri, row.credentialsVersion);
    const store = await this.stores.open(destination, stored.credentials ?? {});
    // Released only once its use is audited, before any I/O on the customer's store: no audit record, no access.
    const use = {
      action: 'storage.connection.use',
      resource_type: 'data_connection',
      resource_id: row.resourceUri,
      project_id: projectId,
      details: { operation: context.operation, connection_type: row.connectionType },
    };
    return this.audit.read(principal, use, async () => ({ store, connectionUri: row.resourceUri }));
  }
}
