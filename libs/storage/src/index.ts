/**
 * @app/storage: one ObjectStore port over Apache OpenDAL (fs, s3/MinIO, gcs, azblob) and the tenant
 * key builder. Keys are `<org>/<project>/<solution>/<artifact-type>/<id…>`; build them with
 * TenantKeyBuilder only.
 */
export * from './object-store.js';
export * from './object-key.js';
export * from './tenant-key.builder.js';
export * from './list-cursor.js';
export * from './object-store-spec.js';
export * from './opendal-object-store.js';
export * from './opendal-object-body.js';
export * from './storage.config.js';
export * from './create-object-store.js';
export * from './streamed-garbage.js';
