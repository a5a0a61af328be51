import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { createOrganization } from './access/index.js';
import { buildGovernanceInfra } from './governance.bootstrap.js';

const USAGE = `Usage:
  npm run cli -- org create <org_id> --owner <user_id> [--name "Display name"]

Creates an organization and its first owner. Nobody can call the API before an org has an
owner, so this is the bootstrap step; after it, use POST /governance/grants.`;

async function createOrg(orgId: string, owner: string, name: string): Promise<void> {
  const infra = await buildGovernanceInfra({ ...process.env, LOG_LEVEL: 'silent' });
  try {
    await createOrganization(infra.database.dataSource, infra.authz, orgId, owner, name);
    process.stdout.write(`Organization ${orgId} is ready; ${owner} is its owner.\n`);
  } finally {
    await infra.database.close();
  }
}

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { owner: { type: 'string' }, name: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
});

try {
  if (values.help || positionals.length === 0) {
    process.stdout.write(`${USAGE}\n`);
  } else if (positionals[0] === 'org' && positionals[1] === 'create' && positionals[2] && values.owner) {
    await createOrg(positionals[2], values.owner, values.name ?? positionals[2]);
  } else {
    process.stderr.write(`${USAGE}\n`);
    process.exitCode = 2;
  }
} catch (error) {
  process.stderr.write(`error: ${(error as Error).message}\n`);
  process.exitCode = 1;
}
