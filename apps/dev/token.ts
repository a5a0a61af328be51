/**
 * Mints a dev token from the embedded identity provider:
 *   TOKEN=$(npm run -s token -- --sub alice --org acme [--ttl 3600] [--aud assets-platform])
 * Only the token goes to stdout. Refused in production and when an external issuer is configured.
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { isProduction } from '@app/config';
import { DevTokenIssuer, loadAuthConfig } from '@app/auth';

const USAGE = 'usage: npm run -s token -- --sub <user> --org <org-slug> [--ttl <seconds>] [--aud <audience>]';

function main(): number {
  if (isProduction()) {
    process.stderr.write('token: refusing to mint dev tokens when NODE_ENV=production\n');
    return 1;
  }
  let values: { sub?: string; org?: string; ttl?: string; aud?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: {
        sub: { type: 'string' },
        org: { type: 'string' },
        ttl: { type: 'string', default: '3600' },
        aud: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (err) {
    process.stderr.write(`token: ${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stderr.write(`${USAGE}\n`);
    return 0;
  }
  const ttlSeconds = Number(values.ttl);
  if (!values.sub || !values.org || !Number.isInteger(ttlSeconds) || ttlSeconds <= 0) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  try {
    const issuer = DevTokenIssuer.fromConfig(loadAuthConfig());
    process.stdout.write(
      `${issuer.issue({ sub: values.sub, org: values.org, ttlSeconds, audience: values.aud })}\n`,
    );
    return 0;
  } catch (err) {
    process.stderr.write(`token: ${(err as Error).message}\n`);
    return 1;
  }
}

process.exitCode = main();
