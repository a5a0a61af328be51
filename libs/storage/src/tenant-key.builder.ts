import { AppException } from '@app/core';
import { assertSafePrefix, assertSafeRelativePath, MAX_KEY_BYTES } from './object-key.js';

/** Who a key belongs to: the token's org and the X-Project-ID project. */
export interface StorageTenant {
  orgId: string;
  projectId: string;
}

/** Solution and artifact-type names. */
export const STORAGE_NAME = /^[a-z0-9-]{1,63}$/;
const TENANT_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

/**
 * Builds `<org>/<project>/<solution>/<artifact-type>/<id…>` from the request context alone and
 * rejects anything that could leave that prefix with a 400, before any I/O.
 */
export class TenantKeyBuilder {
  /** `<org>/<project>/<solution>/`: every key of the solution starts with it. */
  static prefix(tenant: StorageTenant, solution: string): string {
    if (!TENANT_ID.test(tenant.orgId ?? ''))
      throw AppException.invalidRequest('The organization id is missing or malformed');
    if (!TENANT_ID.test(tenant.projectId ?? ''))
      throw AppException.invalidRequest('The project id (X-Project-ID) is missing or malformed');
    if (!STORAGE_NAME.test(solution ?? '')) {
      throw AppException.invalidRequest('The solution name must match [a-z0-9-]{1,63}', {
        fields: [{ field: 'solution', message: 'must match [a-z0-9-]{1,63}' }],
      });
    }
    return `${tenant.orgId}/${tenant.projectId}/${solution}/`;
  }

  /** `artifactPath` is `<artifact-type>/<id…>` with at least one id segment. */
  static build(tenant: StorageTenant, solution: string, artifactPath: string): string {
    const prefix = TenantKeyBuilder.prefix(tenant, solution);
    const segments = assertSafeRelativePath(artifactPath, 'key');
    if (segments.length < 2)
      throw AppException.invalidRequest('The key must be <artifact-type>/<id>', {
        fields: [{ field: 'key', message: 'must be <artifact-type>/<id>' }],
      });
    if (!STORAGE_NAME.test(segments[0])) {
      throw AppException.invalidRequest('The artifact type must match [a-z0-9-]{1,63}', {
        fields: [{ field: 'key', message: 'artifact type must match [a-z0-9-]{1,63}' }],
      });
    }
    const key = prefix + artifactPath;
    if (Buffer.byteLength(key, 'utf8') > MAX_KEY_BYTES)
      throw AppException.invalidRequest(`Invalid object key: key is longer than ${MAX_KEY_BYTES} bytes`);
    return key;
  }

  /** A list prefix under the solution; `relativePrefix` may be partial (`reports/2024-`). */
  static listPrefix(tenant: StorageTenant, solution: string, relativePrefix = ''): string {
    const prefix = TenantKeyBuilder.prefix(tenant, solution);
    if (relativePrefix === '') return prefix;
    assertSafePrefix(relativePrefix);
    const full = prefix + relativePrefix;
    if (Buffer.byteLength(full, 'utf8') > MAX_KEY_BYTES)
      throw AppException.invalidRequest('Invalid prefix: too long');
    return full;
  }

  /** The key relative to the solution prefix (`<artifact-type>/<id…>`). */
  static relative(tenant: StorageTenant, solution: string, key: string): string {
    const prefix = TenantKeyBuilder.prefix(tenant, solution);
    if (!key.startsWith(prefix)) throw new Error('Key outside the tenant prefix');
    return key.slice(prefix.length);
  }

  /**
   * The key as shown to the caller: `<solution>/<artifact-type>/<id…>`, the path under
   * `/assets/storage/` that addresses the object again (the tenant part comes from the request).
   */
  static address(tenant: StorageTenant, key: string): string {
    if (!TENANT_ID.test(tenant.orgId ?? '') || !TENANT_ID.test(tenant.projectId ?? ''))
      throw new Error('Malformed tenant');
    const prefix = `${tenant.orgId}/${tenant.projectId}/`;
    if (!key.startsWith(prefix)) throw new Error('Key outside the tenant prefix');
    return key.slice(prefix.length);
  }
}
