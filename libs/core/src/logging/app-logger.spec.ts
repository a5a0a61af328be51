import { Writable } from 'node:stream';
import { newRequestContext, RequestContext } from '../context/request-context.js';
import { AppLogger, runInAppScope, ServiceLogger } from './app-logger.js';
import { createAppLogger } from './logger.module.js';

type Line = Record<string, unknown>;

function appLogger(service: string, level = 'info'): { logger: AppLogger; lines: Line[] } {
  const lines: Line[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Line);
      done();
    },
  });
  return { logger: createAppLogger({ service, level, destination }), lines };
}

describe(AppLogger.name, () => {
  it("should write Nest's calls the way nestjs-pino did: fields merged, errors under err, context last", () => {
    const { logger, lines } = appLogger('assets');
    logger.nest.log({ note: 'hi' }, 'handled', 'Probe');
    logger.nest.warn('slow', 'Probe');
    logger.nest.error(new Error('boom'), 'Probe');
    logger.nest.error('failed', 'Error: failed\n    at handler (x.js:1:1)', 'ExceptionsHandler');
    logger.nest.debug('hidden at info', 'Probe');
    expect(lines).toEqual([
      expect.objectContaining({ level: 30, service: 'assets', context: 'Probe', note: 'hi', msg: 'handled' }),
      expect.objectContaining({ level: 40, context: 'Probe', msg: 'slow' }),
      expect.objectContaining({
        level: 50,
        context: 'Probe',
        err: expect.objectContaining({ message: 'boom' }),
      }),
      expect.objectContaining({
        level: 50,
        context: 'ExceptionsHandler',
        err: expect.objectContaining({ message: 'failed', stack: expect.stringContaining('at handler') }),
      }),
    ]);
  });

  it("should send Nest's lines to the app in scope (its request or boot), else to its own", () => {
    const assets = appLogger('assets');
    const governance = appLogger('governance');
    // As in one process: the last app's Nest logger is the static one every `new Logger()` uses.
    const nest = governance.logger.nest;
    // What configureHttpApp does for each Assets request.
    const context = newRequestContext('req-assets-1');
    runInAppScope(assets.logger.pino, () =>
      RequestContext.run(context, () => nest.log('in an Assets request', 'Probe')),
    );
    runInAppScope(assets.logger.pino, () => nest.log('Assets booting', 'Probe'));
    nest.log('no app current', 'Probe');
    expect(assets.lines.map((line) => [line.service, line.msg, line.request_id])).toEqual([
      ['assets', 'in an Assets request', 'req-assets-1'],
      ['assets', 'Assets booting', undefined],
    ]);
    expect(governance.lines.map((line) => [line.service, line.msg])).toEqual([
      ['governance', 'no app current'],
    ]);
  });
});

describe(ServiceLogger.name, () => {
  it('should put its context on every line, merged with the fields given', () => {
    const { logger, lines } = appLogger('assets');
    const log = new ServiceLogger(logger.pino);
    log.setContext('Verification');
    log.info({ type: 'postgres' }, 'verification finished');
    log.warn('verification slow');
    log.error(new Error('driver crashed'), 'verification failed');
    expect(lines).toEqual([
      expect.objectContaining({ context: 'Verification', type: 'postgres', msg: 'verification finished' }),
      expect.objectContaining({ level: 40, context: 'Verification', msg: 'verification slow' }),
      expect.objectContaining({
        level: 50,
        context: 'Verification',
        err: expect.objectContaining({ message: 'driver crashed' }),
        msg: 'verification failed',
      }),
    ]);
  });
});
