import { CreateAuthzTuples1764000000000 } from '@app/authz';
import { CreateSecrets1764000000001 } from '@app/secrets';
import { CreateAccessAndAudit1764000000100 } from './migrations/1764000000100-CreateAccessAndAudit.js';
import { AuditResourcePrefixIndex1764000000200 } from './migrations/1764000000200-AuditResourcePrefixIndex.js';
import { OrganizationEntity } from '../access/index.js';
import { ProjectEntity } from '../access/index.js';
import { AuditEventEntity } from '../audit/index.js';

export const GOVERNANCE_ENTITIES = [OrganizationEntity, ProjectEntity, AuditEventEntity];
export const GOVERNANCE_MIGRATIONS = [
  CreateAuthzTuples1764000000000,
  CreateSecrets1764000000001,
  CreateAccessAndAudit1764000000100,
  AuditResourcePrefixIndex1764000000200,
];
