import { S3CompatibleDriver, type S3Flavour } from '../s3/s3-compatible.driver.js';

/** MinIO: an endpoint is required and path-style addressing is the default. */
export class MinioDriver extends S3CompatibleDriver {
  readonly type = 'minio' as const;
  protected readonly flavour: S3Flavour = {
    requireEndpoint: true,
    defaultPathStyle: true,
    allowSessionToken: false,
  };
}
