export { ASSETS_ENTITIES, ASSETS_MIGRATIONS } from './assets-migrations.js';
