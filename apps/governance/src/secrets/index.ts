export * from './secrets.module.js';
export { SecretsService } from './secrets.service.js';
export * from './secret.dto.js';
