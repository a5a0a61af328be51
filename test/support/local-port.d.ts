/** Whether something accepts TCP connections on 127.0.0.1:`port` (within 500 ms). */
export declare const reachable: (port: number) => Promise<boolean>;
