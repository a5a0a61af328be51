// Data connections' public surface: the module, and the service other features read connections through.
export * from './connections.module.js';
export { ConnectionsService } from './connections.service.js';
// Entities, for the app's migration list (database/assets-migrations.ts).
export { ConnectionOperationEntity, DataConnectionEntity } from './persistence/data-connection.entity.js';
export { ConnectionRotationEntity } from './persistence/connection-rotation.entity.js';
