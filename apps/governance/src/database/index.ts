export { GOVERNANCE_ENTITIES, GOVERNANCE_MIGRATIONS } from './governance-migrations.js';
