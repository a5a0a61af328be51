import { DataSource } from 'typeorm';
import { ProjectDirectory } from '@app/auth';
import { ProjectEntity } from './project.entity.js';

export class DatabaseProjectDirectory extends ProjectDirectory {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  exists(orgId: string, projectId: string): Promise<boolean> {
    return this.dataSource.getRepository(ProjectEntity).existsBy({ orgId, id: projectId });
  }
}
