export * from './access.module.js';
export { ProjectsService } from './projects.service.js';
export { DatabaseProjectDirectory } from './database-project.directory.js';
export { createOrganization } from './create-organization.js';
export { OrganizationEntity } from './organization.entity.js';
export { ProjectEntity } from './project.entity.js';
