export {
  createAssetsClient,
  createGovernanceClient,
  type AssetsClient,
  type ClientOptions,
  type GovernanceClient,
  type TokenProvider,
  type TypedApi,
} from './client.js';
export { AssetsApiError, type ErrorBody } from './errors.js';
export {
  Files,
  Storage,
  type ByteRange,
  type FileUpload,
  type FileUploaded,
  type ObjectDownload,
  type ObjectInfo,
  type ObjectPage,
  type PutObjectResult,
  type StorageCallOptions,
  type StoredObject,
  type UploadBody,
} from './storage.js';
export type { ProgressListener, UploadProgress } from './upload-progress.js';
export type * as assets from './generated/assets.js';
export type * as governance from './generated/governance.js';
