// oracledb ships no type declarations (and @types/oracledb is not installed): the part this
// driver uses, written from the node-oracledb 6/7 documentation.
declare module 'oracledb' {
  export interface ConnectionAttributes {
    user: string;
    password: string;
    connectString: string;
    /** Seconds (thin mode): the whole connection establishment. */
    connectTimeout?: number;
    /** Seconds (thin mode): the transport (TCP/TLS) connect. */
    transportConnectTimeout?: number;
    retryCount?: number;
    expireTime?: number;
    sslServerDNMatch?: boolean;
  }
  export interface Result<T> {
    rows?: T[];
  }
  export interface ExecuteOptions {
    outFormat?: number;
    maxRows?: number;
  }
  export interface Connection {
    callTimeout: number;
    readonly oracleServerVersionString: string;
    execute<T>(
      sql: string,
      binds?: Record<string, unknown> | unknown[],
      options?: ExecuteOptions,
    ): Promise<Result<T>>;
    close(): Promise<void>;
  }
  const oracledb: {
    OUT_FORMAT_ARRAY: number;
    readonly thin: boolean;
    getConnection(attributes: ConnectionAttributes): Promise<Connection>;
  };
  export default oracledb;
}
