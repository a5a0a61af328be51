// Shared storage's public surface: the module, its infrastructure tokens, and its schema for the migration list.
import { FileEntity } from './persistence/file.entity.js';
import { CreateFiles1764000000300 } from './persistence/migrations/1764000000300-CreateFiles.js';
import { AddFileUploadState1764000000301 } from './persistence/migrations/1764000000301-AddFileUploadState.js';

export * from './storage.module.js';
export { DEFAULT_OBJECT_STORE, GOOGLE_TOKEN_ENDPOINT, STORAGE_CONFIG } from './storage.tokens.js';
export const STORAGE_ENTITIES = [FileEntity];
export const STORAGE_MIGRATIONS = [CreateFiles1764000000300, AddFileUploadState1764000000301];
