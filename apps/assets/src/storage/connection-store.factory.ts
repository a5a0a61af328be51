import { Injectable } from '@nestjs/common';
import { AppException, DependencyUnavailableError, ErrorCode } from '@app/core';
import { type ObjectStore, objectStoreFromConnection, type StorageConnectionType } from '@app/storage';
import {
  EgressDeniedError,
  EgressPolicy,
  InvalidDestinationError,
  type PinnedDestination,
} from '../egress/index.js';
import {
  relayAuthOf,
  relayedStorageConfig,
  relayedStorageCredentials,
  type StorageUpstreamPlan,
  storageUpstreamOf,
} from './storage-endpoint.js';
import { type RelayAuth, type RelayHandle, StorageEgressRelay } from './storage-egress-relay.js';
import { GoogleAccessTokens } from './google-access-tokens.js';

/** A storage connection's endpoint, checked and pinned by the egress policy. */
export interface StorageDestination {
  type: StorageConnectionType;
  config: Record<string, unknown>;
  plan: StorageUpstreamPlan;
  dest: PinnedDestination;
}

/**
 * Builds the ObjectStore of a storage connection in two steps, so the destination is checked
 * before any credential is read: `destinationOf`, then `open` with the credentials. OpenDAL talks
 * only to a loopback relay that holds the tenant's credentials and dials the pinned address.
 */
@Injectable()
export class ConnectionStoreFactory {
  private readonly relay: StorageEgressRelay;

  constructor(
    private readonly egress: EgressPolicy,
    private readonly googleTokens: GoogleAccessTokens,
  ) {
    // While a relay is open, its port is denied to every tenant destination.
    this.relay = new StorageEgressRelay(egress);
  }

  async destinationOf(
    type: StorageConnectionType,
    config: Record<string, unknown>,
  ): Promise<StorageDestination> {
    const plan = storageUpstreamOf(type, config);
    return { type, config, plan, dest: await this.checkedDestination(plan) };
  }

  async open(
    { type, config, plan, dest }: StorageDestination,
    credentials: Record<string, unknown>,
  ): Promise<ObjectStore> {
    // GCS: Assets exchanges the key for a token itself (egress-checked, pinned, no redirects),
    // here first so that a refused key fails before anything else; the relay then puts the
    // current token on every request, refreshed as it nears expiry.
    const gcs = type === 'gcs';
    if (gcs) await this.googleTokens.tokenFor(credentials);
    const auth = relayAuthOf(
      type,
      config,
      credentials,
      gcs ? () => this.googleTokens.tokenFor(credentials) : undefined,
    );
    // OpenDAL gets none of the tenant's credentials: only the relay's own, valid at that relay alone.
    const relayed = await this.relayedConfig(type, config, plan, dest, auth);
    return refusingRedirects(
      objectStoreFromConnection({
        type,
        config: relayed.config,
        credentials: relayedStorageCredentials(relayed.relay.credentials),
      }),
      relayed.relay,
    );
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
        throw new AppException(
          ErrorCode.EGRESS_DENIED,
          'The connection endpoint is not an allowed destination',
          { reason: (error as EgressDeniedError).reason ?? 'invalid_destination' },
        );
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
    const relay = await this.relay.open({
      dest,
      tls: plan.tls,
      hostHeader: plan.hostHeader,
      virtualHostBucket: plan.virtualHostBucket,
      auth,
    });
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
      return new AppException(
        ErrorCode.EGRESS_DENIED,
        `The storage endpoint answered with a redirect (HTTP ${refused.status}), which is never followed`,
        {
          reason: 'redirect_refused',
          status: refused.status,
        },
      );
    }
    const bearer = relay.bearerFailure();
    if (bearer !== undefined)
      return bearer instanceof AppException ? bearer : new DependencyUnavailableError('Google OAuth', bearer);
    const tls = relay.tlsFailure();
    if (tls) {
      const what =
        tls.reason === 'tls_certificate_rejected'
          ? "The storage endpoint's TLS certificate was rejected"
          : 'The TLS handshake with the storage endpoint failed';
      return new AppException(ErrorCode.SERVICE_UNAVAILABLE, tls.code ? `${what} (${tls.code})` : what, {
        reason: tls.reason,
        ...(tls.code ? { tls_error: tls.code } : {}),
      });
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
        return result instanceof Promise
          ? result.catch((error: unknown) => Promise.reject(translate(error)))
          : result;
      };
    },
  });
}
