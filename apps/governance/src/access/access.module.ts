import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/index.js';
import { DatabaseProjectDirectory } from './database-project.directory.js';
import { ProjectsRepository } from './persistence/projects.repository.js';
import { GrantsController } from './grants.controller.js';
import { GrantsService } from './grants.service.js';
import { ProjectsController } from './projects.controller.js';
import { ProjectsService } from './projects.service.js';

/** Organizations, projects and grants: who may see and do what. */
@Module({
  imports: [AuditModule],
  controllers: [ProjectsController, GrantsController],
  providers: [ProjectsRepository, ProjectsService, GrantsService, DatabaseProjectDirectory],
  exports: [ProjectsService, DatabaseProjectDirectory],
})
export class AccessModule {}
