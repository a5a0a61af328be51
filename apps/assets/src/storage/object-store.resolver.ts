import { Inject, Injectable } from '@nestjs/common';
import { AppException } from '@app/core';
import type { ObjectStore } from '@app/storage';
import { DEFAULT_OBJECT_STORE, type StoreContext } from './storage.tokens.js';

/**
 * Picks the store a request works against. Today: the default store. `?connection=<resource_uri>`
 * plugs in here (look up the connection, check `can_execute`, fetch its credentials for this call,
 * `objectStoreFromConnection(...)`), so every route resolves its store per request.
 */
@Injectable()
export class ObjectStoreResolver {
  constructor(@Inject(DEFAULT_OBJECT_STORE) private readonly defaultStore: ObjectStore) {}

  async resolve(context: StoreContext): Promise<ObjectStore> {
    const query = (context.request.query ?? {}) as Record<string, unknown>;
    if (query.connection !== undefined && query.connection !== '') {
      throw AppException.invalidRequest('Storage connections are not supported on this route yet', { field: 'connection' });
    }
    return this.defaultStore;
  }
}
