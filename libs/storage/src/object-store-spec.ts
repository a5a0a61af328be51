import { isAbsolute, resolve } from 'node:path';
import { AppException } from '@app/core';
import { assertSafeRelativePath } from './object-key.js';

/** Where a store lives and how to authenticate, independent of where the settings came from. */
export type ObjectStoreSpec =
  | { backend: 'local'; root: string }
  | {
      backend: 's3';
      bucket: string;
      region: string;
      endpoint?: string;
      accessKey?: string;
      secretKey?: string;
      sessionToken?: string;
      pathStyle: boolean;
      prefix?: string;
      /** false for customer connections: never pick up the platform's own env/instance credentials. */
      ambientCredentials: boolean;
    }
  | {
      backend: 'gcs';
      bucket: string;
      endpoint?: string;
      prefix?: string;
      serviceAccountJson?: string;
      /** A ready OAuth2 access token (tests, short-lived tokens). */
      token?: string;
      ambientCredentials: boolean;
    }
  | {
      backend: 'azure';
      container: string;
      accountName: string;
      accountKey?: string;
      sasToken?: string;
      endpoint?: string;
      prefix?: string;
    };

export interface OpenDalTarget {
  scheme: 'fs' | 's3' | 'gcs' | 'azblob';
  options: Record<string, string>;
  /** Whether the backend lists keys in ascending byte order (cloud stores do; fs does not). */
  orderedListing: boolean;
}

/** OpenDAL `root`: `/` plus an optional key prefix inside the bucket, validated like a key. */
function rootOf(prefix: string | undefined): string {
  const trimmed = (prefix ?? '').replace(/^\/+|\/+$/g, '');
  if (!trimmed) return '/';
  assertSafeRelativePath(trimmed, 'prefix');
  return `/${trimmed}/`;
}

function withoutEmpty(options: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(options).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ''),
  );
}

/**
 * Under the local root: temp files of uploads in progress, renamed to their key on commit and
 * deleted when the upload fails (see OpenDalObjectStore.put).
 */
export const LOCAL_UPLOADS_DIR = '.opendal-tmp';
/** Under the local root: the content type of each object, in a sidecar file (see LocalMetadata). */
export const LOCAL_META_DIR = '.opendal-meta';

/**
 * The only place that knows OpenDAL's option names. Every backend then goes through the same
 * `OpenDalObjectStore` code path.
 */
export function toOpenDal(spec: ObjectStoreSpec): OpenDalTarget {
  switch (spec.backend) {
    case 'local': {
      const root = isAbsolute(spec.root) ? spec.root : resolve(spec.root);
      // No atomic_write_dir: put() stages uploads in LOCAL_UPLOADS_DIR itself, so that it can
      // delete a failed one's temp file. Tenant keys start with an org slug, never with a dot, and
      // the store refuses keys under its own directories (LOCAL_UPLOADS_DIR, LOCAL_META_DIR).
      return { scheme: 'fs', options: { root }, orderedListing: false };
    }
    case 's3': {
      const isolated = !spec.ambientCredentials;
      return {
        scheme: 's3',
        orderedListing: true,
        options: withoutEmpty({
          bucket: spec.bucket,
          region: spec.region,
          endpoint: spec.endpoint,
          root: rootOf(spec.prefix),
          access_key_id: spec.accessKey,
          secret_access_key: spec.secretKey,
          session_token: spec.sessionToken,
          enable_virtual_host_style: spec.pathStyle ? undefined : 'true',
          disable_config_load: isolated ? 'true' : undefined,
          disable_ec2_metadata: isolated ? 'true' : undefined,
          allow_anonymous: isolated && !spec.accessKey ? 'true' : undefined,
        }),
      };
    }
    case 'gcs': {
      const isolated = !spec.ambientCredentials;
      const anonymous = isolated && !spec.serviceAccountJson && !spec.token;
      return {
        scheme: 'gcs',
        orderedListing: true,
        options: withoutEmpty({
          bucket: spec.bucket,
          endpoint: spec.endpoint,
          root: rootOf(spec.prefix),
          credential: spec.serviceAccountJson
            ? Buffer.from(spec.serviceAccountJson, 'utf8').toString('base64')
            : undefined,
          token: spec.token,
          disable_config_load: isolated ? 'true' : undefined,
          disable_vm_metadata: isolated ? 'true' : undefined,
          allow_anonymous: anonymous ? 'true' : undefined,
        }),
      };
    }
    case 'azure':
      if (!spec.accountKey && !spec.sasToken)
        throw AppException.invalidRequest('An Azure storage connection needs account_key or sas_token');
      return {
        scheme: 'azblob',
        orderedListing: true,
        options: withoutEmpty({
          container: spec.container,
          account_name: spec.accountName,
          account_key: spec.accountKey,
          sas_token: spec.sasToken?.replace(/^\?/, ''),
          endpoint: spec.endpoint ?? `https://${spec.accountName}.blob.core.windows.net`,
          root: rootOf(spec.prefix),
        }),
      };
    default: {
      const unreachable: never = spec;
      return unreachable;
    }
  }
}
