import { Logger } from '@nestjs/common';
import { startOpenFgaHttpServer, type RunningOpenFgaHttpServer, type TupleStore } from '@app/authz';

/**
 * Dev mode with the embedded engine: serve the OpenFGA HTTP API on loopback, backed by the
 * very tuple store Governance uses, so Assets talks to it with the production OpenFGA client.
 */
export async function startEmbeddedOpenFgaEndpoint(options: { tupleStore: TupleStore; port: number; apiToken: string }): Promise<RunningOpenFgaHttpServer> {
  const logger = new Logger('EmbeddedOpenFga');
  const server = await startOpenFgaHttpServer(
    {
      apiToken: options.apiToken,
      tupleStoreFactory: () => options.tupleStore,
      onError: (error, context) => logger.error({ route: context.route, err: (error as Error)?.name }, 'Embedded OpenFGA endpoint error'),
    },
    { port: options.port, host: '127.0.0.1' },
  );
  logger.log(`OpenFGA-compatible endpoint for Assets on ${server.url}`);
  return server;
}
