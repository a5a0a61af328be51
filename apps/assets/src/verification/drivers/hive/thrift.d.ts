// The `thrift` npm package ships no type declarations: the part used by the Hive driver and the
// TCLIService fake (libs/testing), written from thrift 0.23's lib/nodejs sources.
declare module 'thrift' {
  import type { EventEmitter } from 'node:events';
  import type { RequestOptions } from 'node:http';

  export class Int64 {
    constructor(value: number);
    toNumber(allowImprecise?: boolean): number;
  }
  export class TBufferedTransport {
    constructor(buffer?: Buffer, callback?: (buf: Buffer) => void);
    static receiver(callback: (transport: TBufferedTransport) => void): (data: Buffer) => void;
    commitPosition(): void;
    rollbackPosition(): void;
  }
  export class TBinaryProtocol {
    constructor(transport: TBufferedTransport);
  }
  export interface HttpConnectionOptions {
    transport?: typeof TBufferedTransport;
    protocol?: typeof TBinaryProtocol;
    path?: string;
    https?: boolean;
    headers?: Record<string, string>;
    nodeOptions?: RequestOptions;
  }
  export interface HttpConnection extends EventEmitter {
    client: unknown;
  }
  export function createHttpConnection(
    host: string,
    port: number,
    options: HttpConnectionOptions,
  ): HttpConnection;
  export function createHttpClient<T>(
    service: { Client: new (...args: never[]) => T },
    connection: HttpConnection,
  ): T;
  export const Thrift: {
    TApplicationException: new (...args: never[]) => Error;
  };
  const thrift: {
    Int64: typeof Int64;
    TBufferedTransport: typeof TBufferedTransport;
    TBinaryProtocol: typeof TBinaryProtocol;
    createHttpConnection: typeof createHttpConnection;
    createHttpClient: typeof createHttpClient;
    Thrift: typeof Thrift;
  };
  export default thrift;
}
