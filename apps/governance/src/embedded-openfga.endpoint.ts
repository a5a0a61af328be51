import { Logger } from '@nestjs/common';
import { startOpenFgaHttpServer, type RunningOpenFgaHttpServer, type TupleStore } from '@app/authz/embedded';

/**
 * Dev mode with the embedded engine: serve the OpenFGA HTTP API on loopback, backed by the
 * very tuple store Governance uses, so Assets talks to it with the production OpenFGA client.
 */
export async function startEmbeddedOpenFgaEndpoint(options: {
  tupleStore: TupleStore;
  port: number;
  apiToken: string;
}): Promise<RunningOpenFgaHttpServer> {
  const logger = new Logger('EmbeddedOpenFga');
  const server = await startOpenFgaHttpServer(
    {
      apiToken: options.apiToken,
      tupleStoreFactory: () => options.tupleStore,
      onError: (error, context) =>
        logger.error(
          { route: context.route, err: (error as Error)?.name },
          'Embedded OpenFGA endpoint error',
        ),
    },
    { port: options.port, host: '127.0.0.1' },
  ).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new Error(
        `EMBEDDED_OPENFGA_PORT ${options.port} is already in use on 127.0.0.1: move it (or the other listener) so Assets reaches this Governance's endpoint`,
      );
    }
    throw error;
  });
  logger.log(`OpenFGA-compatible endpoint for Assets on ${server.url}`);
  return server;
}
