import { Writable } from 'node:stream';
import { createServer, type Server } from 'node:net';
import { Global, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { createLoggerModule } from '@app/core';
import { EgressPolicy } from '../egress/index.js';
import { loadVerificationConfig, VerificationConfig } from './verification.config.js';
import { VerificationModule } from './verification.module.js';
import { VerificationService } from './verification.service.js';

describe(VerificationModule.name, () => {
  let refusing: Server;
  let port: number;

  beforeAll(async () => {
    // A listener that hangs up at once: the postgres driver fails at connect, fast and offline.
    refusing = createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => refusing.listen(0, '127.0.0.1', resolve));
    port = (refusing.address() as { port: number }).port;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => refusing.close(() => resolve()));
  });

  it('should write one line per verification to the app log, with codes and never credentials', async () => {
    const lines: Record<string, unknown>[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of String(chunk).split('\n').filter(Boolean))
          lines.push(JSON.parse(line) as Record<string, unknown>);
        done();
      },
    });
    // What AssetsInfraModule provides in the app.
    const infra = [
      {
        provide: VerificationConfig,
        useValue: loadVerificationConfig({ NODE_ENV: 'test', VERIFY_TIMEOUT_MS: '2000' }),
      },
      { provide: EgressPolicy, useValue: new EgressPolicy({ production: false }) },
    ];
    @Global()
    @Module({ providers: infra, exports: infra.map((provider) => provider.provide) })
    class InfraModule {}
    const moduleRef = await Test.createTestingModule({
      imports: [
        createLoggerModule({ service: 'assets', level: 'info', destination }),
        InfraModule,
        VerificationModule,
      ],
    }).compile();
    await moduleRef.init();
    const report = await moduleRef.get(VerificationService).verify(
      {
        type: 'postgres',
        auth_type: 'basic',
        config: { host: '127.0.0.1', port, database: 'app' },
        credentials: { username: 'svc', password: 'canary-Pw-9f3e' },
      },
      { orgId: 'acme' },
    );
    await moduleRef.close();

    expect(report.success).toBe(false);
    const line = lines.find((entry) => entry.msg === 'verification finished');
    expect(line).toMatchObject({
      context: 'Verification',
      type: 'postgres',
      success: false,
      error_code: report.details.error_code,
    });
    expect(JSON.stringify(lines)).not.toContain('canary-Pw-9f3e');
  });
});
