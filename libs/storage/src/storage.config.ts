import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { ConfigValidationError, loadConfig, Secret } from '@app/config';
import type { ObjectStoreSpec } from './object-store-spec.js';

export const OBSTORE_BACKENDS = ['s3', 'gcs', 'azure', 'local'] as const;
export type ObstoreBackend = (typeof OBSTORE_BACKENDS)[number];

const GIB = 1024 * 1024 * 1024;

/**
 * Env namespace `storage`, with the variable names solutions already use (obstore). For `azure`,
 * OBSTORE_BUCKET is the container, OBSTORE_ACCESS_KEY the account name and OBSTORE_SECRET_KEY
 * the account key.
 */
export class StorageConfig {
  @IsIn(OBSTORE_BACKENDS as unknown as string[], {
    message: `OBSTORE_BACKEND must be one of ${OBSTORE_BACKENDS.join(', ')}`,
  })
  OBSTORE_BACKEND: ObstoreBackend = 'local';
  @IsOptional() @IsString() OBSTORE_BUCKET?: string;
  @IsOptional() @IsString() OBSTORE_ENDPOINT?: string;
  @IsOptional() @IsString() OBSTORE_ACCESS_KEY?: string;
  @IsOptional() @IsString() @Secret() OBSTORE_SECRET_KEY?: string;
  @IsString() OBSTORE_REGION = 'us-east-1';
  @IsBoolean({ message: 'OBSTORE_PATH_STYLE must be true or false' }) OBSTORE_PATH_STYLE = false;
  /** Defaults from the topology (`<DATA_DIR>/storage`). */
  @IsString() OBSTORE_LOCAL_PREFIX: string;
  /** Largest object accepted by `PUT /assets/storage/…`. */
  @IsInt() @Min(1) @Max(5 * 1024 * GIB) STORAGE_MAX_OBJECT_BYTES = 5 * GIB;
  /** Largest file accepted by `POST /assets/files`. */
  @IsInt() @Min(1) @Max(5 * 1024 * GIB) STORAGE_MAX_UPLOAD_BYTES = 100 * 1024 * 1024;
  /**
   * Uploads (`PUT` and `POST /assets/files`) streaming at once in this process, and per org; 429
   * beyond. Each holds two staging buffers: 1 MiB on disk, an 8 MiB multipart part on clouds.
   */
  @IsInt() @Min(1) @Max(10_000) STORAGE_MAX_CONCURRENT_UPLOADS = 16;
  @IsInt() @Min(1) @Max(10_000) STORAGE_MAX_CONCURRENT_UPLOADS_PER_ORG = 4;
  /**
   * An upload whose client sends nothing for this long is aborted with 408: its slot is freed and
   * its partial bytes deleted. Time spent writing to the store does not count.
   */
  @IsInt() @Min(100) @Max(3_600_000) STORAGE_UPLOAD_IDLE_TIMEOUT_MS = 30_000;
  /**
   * How often a file upload in progress refreshes its reservation (the `uploading` row), so that
   * the janitor, which takes reservations untouched for an hour, never takes a live one.
   */
  @IsInt() @Min(100) @Max(600_000) STORAGE_UPLOAD_HEARTBEAT_MS = 60_000;
}

const REQUIRED: Record<ObstoreBackend, (keyof StorageConfig)[]> = {
  local: ['OBSTORE_LOCAL_PREFIX'],
  s3: ['OBSTORE_BUCKET', 'OBSTORE_REGION'],
  gcs: ['OBSTORE_BUCKET'],
  azure: ['OBSTORE_BUCKET', 'OBSTORE_ACCESS_KEY', 'OBSTORE_SECRET_KEY'],
};

/** Loads and cross-checks the config; problems name variables, never values. */
export function loadStorageConfig(env: NodeJS.ProcessEnv = process.env): StorageConfig {
  const config = loadConfig('storage', StorageConfig, env);
  const problems: string[] = [];
  for (const key of REQUIRED[config.OBSTORE_BACKEND]) {
    if (!config[key]) problems.push(`${key} is required when OBSTORE_BACKEND=${config.OBSTORE_BACKEND}`);
  }
  if (
    config.OBSTORE_BACKEND === 's3' &&
    Boolean(config.OBSTORE_ACCESS_KEY) !== Boolean(config.OBSTORE_SECRET_KEY)
  ) {
    problems.push(
      'OBSTORE_ACCESS_KEY and OBSTORE_SECRET_KEY must be set together (or both unset to use the default AWS credential chain)',
    );
  }
  if (config.OBSTORE_ENDPOINT && !/^https?:\/\/[^\s/]+/.test(config.OBSTORE_ENDPOINT))
    problems.push('OBSTORE_ENDPOINT must be an http(s) URL');
  if (problems.length) throw new ConfigValidationError('storage', problems);
  return config;
}

/** The platform's default store. Env stores may use ambient credentials (IAM role, workload identity). */
export function specFromConfig(config: StorageConfig): ObjectStoreSpec {
  switch (config.OBSTORE_BACKEND) {
    case 'local':
      return { backend: 'local', root: config.OBSTORE_LOCAL_PREFIX };
    case 's3':
      return {
        backend: 's3',
        bucket: config.OBSTORE_BUCKET!,
        region: config.OBSTORE_REGION,
        endpoint: config.OBSTORE_ENDPOINT,
        accessKey: config.OBSTORE_ACCESS_KEY,
        secretKey: config.OBSTORE_SECRET_KEY,
        pathStyle: config.OBSTORE_PATH_STYLE,
        ambientCredentials: !config.OBSTORE_ACCESS_KEY,
      };
    case 'gcs':
      return {
        backend: 'gcs',
        bucket: config.OBSTORE_BUCKET!,
        endpoint: config.OBSTORE_ENDPOINT,
        ambientCredentials: true,
      };
    case 'azure':
      return {
        backend: 'azure',
        container: config.OBSTORE_BUCKET!,
        accountName: config.OBSTORE_ACCESS_KEY!,
        accountKey: config.OBSTORE_SECRET_KEY,
        endpoint: config.OBSTORE_ENDPOINT,
      };
    default: {
      const unreachable: never = config.OBSTORE_BACKEND;
      return unreachable;
    }
  }
}
