import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger } from 'pino';

const PROBES = /\/health\/(live|ready)$/;

/**
 * One line per completed request on the app's own logger, from Fastify's onResponse: no
 * middleware bridge and no child logger per request. The line keeps pino-http's shape (`req`
 * id/method/path, `res` status, `responseTime` in ms, `request completed` / `request errored`);
 * the serializers drop headers and the query string, the mixin adds the request's ids.
 * Probes are not logged.
 */
export function registerRequestLog(app: NestFastifyApplication, logger: Logger): void {
  if (!logger.isLevelEnabled('info')) return;
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onResponse', (request, reply, done) => {
      if (!PROBES.test(request.url)) {
        const line = { req: request.raw, res: reply.raw, responseTime: Math.round(reply.elapsedTime) };
        logger.info(line, reply.statusCode >= 500 ? 'request errored' : 'request completed');
      }
      done();
    });
}
