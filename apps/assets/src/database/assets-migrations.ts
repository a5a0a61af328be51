import { CreateDataConnections1764000000200 } from './migrations/1764000000200-CreateDataConnections.js';
import { SerializeConnectionChanges1764000000420 } from './migrations/1764000000420-SerializeConnectionChanges.js';
import { CreateSecretSweepLeases1764000000600 } from './migrations/1764000000600-CreateSecretSweepLeases.js';
import { AddConnectionHealth1764000000700 } from './migrations/1764000000700-AddConnectionHealth.js';
import { CreateWebhooks1764000000800 } from './migrations/1764000000800-CreateWebhooks.js';
import { CreateConnectionRotations1764000000900 } from './migrations/1764000000900-CreateConnectionRotations.js';
import {
  ConnectionOperationEntity,
  ConnectionRotationEntity,
  DataConnectionEntity,
} from '../connections/index.js';
import { STORAGE_ENTITIES, STORAGE_MIGRATIONS } from '../storage/index.js';
import { WEBHOOK_ENTITIES } from '../notifications/index.js';

export const ASSETS_ENTITIES = [
  DataConnectionEntity,
  ConnectionOperationEntity,
  ConnectionRotationEntity,
  ...STORAGE_ENTITIES,
  ...WEBHOOK_ENTITIES,
];
export const ASSETS_MIGRATIONS = [
  CreateDataConnections1764000000200,
  ...STORAGE_MIGRATIONS,
  SerializeConnectionChanges1764000000420,
  CreateSecretSweepLeases1764000000600,
  AddConnectionHealth1764000000700,
  CreateWebhooks1764000000800,
  CreateConnectionRotations1764000000900,
];
