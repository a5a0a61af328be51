import { Inject, Injectable } from '@nestjs/common';
import { AppException, DependencyUnavailableError, ErrorCode } from '@app/core';
import { assertPermission, AuthzClient, dataConnectionObjectOf, parseDataResourceUri } from '@app/authz';
import { type ObjectStore, objectStoreFromConnection, STORAGE_CONNECTION_TYPES, type StorageConnectionType } from '@app/storage';
import { EgressDeniedError, EgressPolicy, InvalidDestinationError, type PinnedDestination } from '../egress/index.js';
import { ConnectionsService } from '../connections/index.js';
import { AuditRecorder, GovernanceCredentialsStore } from '../governance/index.js';
import { DEFAULT_OBJECT_STORE, type StoreContext } from './storage.tokens.js';
import { relayAuthOf, relayedStorageConfig, relayedStorageCredentials, type StorageUpstreamPlan, storageUpstreamOf } from './storage-endpoint.js';
import { type RelayAuth, type RelayHandle, StorageEgressRelay } from './storage-egress-relay.js';
import { GoogleAccessTokens } from './google-access-tokens.js';

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
  private readonly relay: StorageEgressRelay;

  constructor(
    @Inject(DEFAULT_OBJECT_STORE) private readonly defaultStore: ObjectStore,
    private readonly connections: ConnectionsService,
    private readonly credentials: GovernanceCredentialsStore,
    private readonly authz: AuthzClient,
    private readonly audit: AuditRecorder,
    private readonly egress: EgressPolicy,
    private readonly googleTokens: GoogleAccessTokens,
  ) {
    // While a relay is open, its port is denied to every tenant destination.
    this.relay = new StorageEgressRelay(egress);
  }

  async resolve(context: StoreContext): Promise<ObjectStore> {
    return (await this.resolveWithSource(context)).store;
  }

  /** The store, and the resource URI of the connection it came from (null: the default store). */
  async resolveWithSource(context: StoreContext): Promise<{ store: ObjectStore; connectionUri: string | null }> {
    const raw = context.connection !== undefined ? (context.connection ?? '') : ((context.request.query ?? {}) as Record<string, unknown>).connection;
    if (raw === undefined || raw === '') return { store: this.defaultStore, connectionUri: null };
    if (typeof raw !== 'string' || raw.length > MAX_CONNECTION_PARAM) {
      throw AppException.invalidRequest('connection must be one resource URI or connection name', { field: 'connection' });
    }
    return this.fromConnection(context, raw);
  }

  private async fromConnection(context: StoreContext, reference: string): Promise<{ store: ObjectStore; connectionUri: string }> {
    const { principal, projectId } = context;
    const resourceUri = await this.connections.resolveReference(principal, projectId, reference);
    const ref = parseDataResourceUri(resourceUri);
    // Another org's URI is simply not found: its existence is not ours to confirm.
    if (!ref || ref.orgId !== principal.orgId) throw AppException.notFound('Data connection');
    await assertPermission(this.authz, principal, 'can_execute', dataConnectionObjectOf(ref), 'Data connection');
    const row = await this.connections.load(principal, projectId, resourceUri);
    if (!isStorageType(row.connectionType)) {
      throw AppException.validation(`A ${row.connectionType} connection is not a storage connection`, {
        field: 'connection',
        allowed_types: STORAGE_CONNECTION_TYPES,
      });
    }
    if (row.status === 'DISABLED') throw AppException.conflict('The connection is disabled', { resource_uri: row.resourceUri });
    const plan = storageUpstreamOf(row.connectionType, row.config);
    const dest = await this.checkedDestination(plan);
    // Never cached: read as the caller for every use, so rotation needs no restart.
    const stored = await this.credentials.read(principal, row.resourceUri, row.credentialsVersion);
    const storedCredentials = stored.credentials ?? {};
    // GCS: Assets exchanges the key for a token itself (egress-checked, pinned, no redirects),
    // here first so that a refused key fails before anything else; the relay then puts the
    // current token on every request, refreshed as it nears expiry.
    const gcs = row.connectionType === 'gcs';
    if (gcs) await this.googleTokens.tokenFor(storedCredentials);
    const auth = relayAuthOf(row.connectionType, row.config, storedCredentials, gcs ? () => this.googleTokens.tokenFor(storedCredentials) : undefined);
    // OpenDAL gets none of the tenant's credentials: only the relay's own, valid at that relay alone.
    const { config, relay } = await this.relayedConfig(row.connectionType, row.config, plan, dest, auth);
    // Released only once its use is audited, before any I/O on the customer's store: no audit record, no access.
    const use = { action: 'storage.connection.use', resource_type: 'data_connection', resource_id: row.resourceUri, project_id: projectId, details: { operation: context.operation, connection_type: row.connectionType } };
    const store = refusingRedirects(objectStoreFromConnection({ type: row.connectionType, config, credentials: relayedStorageCredentials(relay.credentials) }), relay);
    return this.audit.read(principal, use, async () => ({ store, connectionUri: row.resourceUri }));
  }

  /**
   * The same egress policy as verification: a storage connection can never point the service at
   * cloud metadata, link-local or its own ports. OpenDAL then talks only to a loopback relay that
   * dials the checked address (plain HTTP or TLS bound to the tenant's hostname) and refuses every
   * redirect, so neither a later DNS answer nor a `Location` from the tenant's server is ever used.
   */
  private async checkedDestination(plan: StorageUpstreamPlan): Promise<PinnedDestination> {
    try {
      return await this.egress.resolve(plan.host, plan.port);
    } catch (error) {
      if (error instanceof EgressDeniedError || error instanceof InvalidDestinationError) {
        throw new AppException(ErrorCode.EGRESS_DENIED, 'The connection endpoint is not an allowed destination', { reason: (error as EgressDeniedError).reason ?? 'invalid_destination' });
      }
      throw new DependencyUnavailableError('DNS', error);
    }
  }

  private async relayedConfig(
    type: StorageConnectionType,
    config: Record<string, unknown>,
    plan: StorageUpstreamPlan,
    dest: PinnedDestination,
    auth: RelayAuth,
  ): Promise<{ config: Record<string, unknown>; relay: RelayHandle }> {
    const relay = await this.relay.open({ dest, tls: plan.tls, hostHeader: plan.hostHeader, virtualHostBucket: plan.virtualHostBucket, auth });
    return { config: relayedStorageConfig(type, config, relay.origin, plan), relay };
  }
}

/**
 * The store, with any failure the relay explains reported as that: a refused redirect is 403
 * EGRESS_DENIED naming the status, never the `Location`; a refused TLS certificate or handshake is
 * 503 naming Node's error code (OpenDAL itself only saw a 502 from the relay).
 */
function refusingRedirects(store: ObjectStore, relay: RelayHandle): ObjectStore {
  const translate = (error: unknown): unknown => {
    const refused = relay.refusedRedirect();
    if (refused) {
      return new AppException(ErrorCode.EGRESS_DENIED, `The storage endpoint answered with a redirect (HTTP ${refused.status}), which is never followed`, {
        reason: 'redirect_refused',
        status: refused.status,
      });
    }
    const bearer = relay.bearerFailure();
    if (bearer !== undefined) return bearer instanceof AppException ? bearer : new DependencyUnavailableError('Google OAuth', bearer);
    const tls = relay.tlsFailure();
    if (tls) {
      const what = tls.reason === 'tls_certificate_rejected' ? "The storage endpoint's TLS certificate was rejected" : 'The TLS handshake with the storage endpoint failed';
      return new AppException(ErrorCode.SERVICE_UNAVAILABLE, tls.code ? `${what} (${tls.code})` : what, { reason: tls.reason, ...(tls.code ? { tls_error: tls.code } : {}) });
    }
    return error;
  };
  return new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        let result: unknown;
        try {
          result = (value as (...a: unknown[]) => unknown).apply(target, args);
        } catch (error) {
          throw translate(error);
        }
        return result instanceof Promise ? result.catch((error: unknown) => Promise.reject(translate(error))) : result;
      };
    },
  });
}
