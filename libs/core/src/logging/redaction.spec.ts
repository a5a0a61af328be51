import pino from 'pino';
import { Writable } from 'node:stream';
import { REDACT_PATHS } from './logger.module.js';

describe('log redaction', () => {
  it('should redact credentials, secrets and authorization headers', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, cb) {
        lines.push(String(chunk));
        cb();
      },
    });
    const logger = pino({ redact: { paths: REDACT_PATHS, censor: '[REDACTED]' } }, sink);
    logger.info(
      {
        req: { headers: { authorization: 'Bearer canary-token-123' } },
        body: { password: 'canary-pw-1', credentials: { secret_key: 'x' } },
        credentials: { password: 'canary-pw-2' },
        secret: 'canary-secret-3',
        value: 'canary-value-4',
      },
      'hello',
    );
    const out = lines.join('');
    for (const canary of [
      'canary-token-123',
      'canary-pw-1',
      'canary-pw-2',
      'canary-secret-3',
      'canary-value-4',
    ]) {
      expect(out).not.toContain(canary);
    }
    expect(out).toContain('[REDACTED]');
  });
});
