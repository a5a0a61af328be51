import type { LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import net from 'node:net';

import type { Duplex } from 'node:stream';
import { EgressDeniedError, type PinnedDestination } from './egress-policy.js';

function sameHost(requested: string, dest: PinnedDestination): boolean {
  const bare = requested
    .replace(/^\[|\]$/g, '')
    .replace(/\.+$/, '')
    .toLowerCase();
  return bare === dest.hostname || bare === dest.address;
}

/**
 * A `lookup` for net/tls/http that never asks DNS: it answers the pinned address, and refuses
 * any other name so a redirect or a misbuilt URL cannot reach a host the policy never checked.
 */
export function pinnedLookup(dest: PinnedDestination): LookupFunction {
  return ((hostname: string, options: unknown, callback?: unknown) => {
    const cb = (typeof options === 'function' ? options : callback) as (
      err: NodeJS.ErrnoException | null,
      address: string | LookupAddress[],
      family?: number,
    ) => void;
    const all = typeof options === 'object' && options !== null && (options as { all?: boolean }).all;
    process.nextTick(() => {
      if (!sameHost(hostname, dest)) {
        cb(Object.assign(new EgressDeniedError('deny_list'), { code: 'EGRESS_DENIED' }), '');
        return;
      }
      if (all) cb(null, [{ address: dest.address, family: dest.family }]);
      else cb(null, dest.address, dest.family);
    });
  }) as LookupFunction;
}

/**
 * The destination answered with a redirect. Redirects are never followed for a tenant: the next hop
 * is an address the egress policy did not check. Carries only the status, never the Location.
 */
export class RedirectRefusedError extends Error {
  readonly code = 'EREDIRECT_REFUSED';
  constructor(readonly status: number) {
    super(`the endpoint answered with a redirect (HTTP ${status}), which is not followed`);
    this.name = 'RedirectRefusedError';
  }
}

/**
 * Whether a response would make an HTTP client go somewhere else: every 3xx but 304 (Not Modified
 * has no next hop), and a 304 too if it carries a Location (some clients follow any 3xx with one).
 */
export function isRedirect(status: number | undefined, location: unknown): boolean {
  if (status === undefined || status < 300 || status > 399) return false;
  return status !== 304 || (location !== undefined && location !== '');
}

/**
 * Makes a client request fail with RedirectRefusedError instead of delivering a redirect response,
 * so no library (axios/follow-redirects, Azure's redirect policy, node-fetch…) can follow it.
 */
export function refuseRedirects(
  req: http.ClientRequest,
  onRefused?: (error: RedirectRefusedError) => void,
): void {
  const emit = req.emit;
  req.emit = function (this: http.ClientRequest, event: string | symbol, ...args: unknown[]): boolean {
    if (event === 'response') {
      const res = args[0] as http.IncomingMessage;
      if (isRedirect(res.statusCode, res.headers.location)) {
        const error = new RedirectRefusedError(res.statusCode ?? 0);
        onRefused?.(error);
        res.resume();
        req.destroy(error);
        return true;
      }
    }
    return emit.call(this, event, ...args);
  } as typeof req.emit;
}

interface PinnedAgentOptions {
  https: boolean;
  /** PEM CA bundle to trust instead of the system store. */
  ca?: string;
  /** Sees every socket the agent opens (drivers time their connect and TLS phases with it). */
  onSocket?: (socket: Duplex) => void;
  /** Told when a response was a redirect (the request then fails with RedirectRefusedError). */
  onRedirectRefused?: (error: RedirectRefusedError) => void;
}

/** `Agent#addRequest` is how every request reaches an agent; @types/node does not declare it. */
type AddRequest = (req: http.ClientRequest, options: unknown) => void;

/**
 * An HTTP(S) agent for SDKs: every socket goes to the pinned address and port, TLS keeps the
 * hostname for SNI and certificate checks, connections are not kept alive past the call, and a
 * redirect response fails its request (RedirectRefusedError) before the SDK can follow it.
 */
export function createPinnedAgent(
  dest: PinnedDestination,
  options: PinnedAgentOptions,
): http.Agent & { destroyAll(): void } {
  const lookup = pinnedLookup(dest);
  const sockets = new Set<Duplex>();
  const guard = (port: unknown): void => {
    if (Number(port) !== dest.port) throw new EgressDeniedError('deny_list');
  };
  const track = <T extends Duplex>(socket: T): T => {
    sockets.add(socket);
    options.onSocket?.(socket);
    socket.once('close', () => sockets.delete(socket));
    return socket;
  };
  // SNI must not carry an IP literal (RFC 6066); certificate checks then use the address.
  const servername = net.isIP(dest.hostname) ? undefined : dest.hostname;
  const withRedirectsRefused = (agent: http.Agent): void => {
    const proto = Object.getPrototypeOf(agent) as { addRequest: AddRequest };
    const addRequest = proto.addRequest;
    (agent as unknown as { addRequest: AddRequest }).addRequest = function (this: http.Agent, req, opts) {
      refuseRedirects(req, options.onRedirectRefused);
      addRequest.call(this, req, opts);
    };
  };
  if (options.https) {
    const agent = new (class extends https.Agent {
      override createConnection(opts: https.RequestOptions & { port?: number }, cb?: never): Duplex {
        guard(opts.port);
        return track(
          super.createConnection({ ...opts, lookup, ...(servername ? { servername } : {}) }, cb) as Duplex,
        );
      }
    })({ keepAlive: false, maxSockets: 4, lookup, ca: options.ca, ...(servername ? { servername } : {}) });
    withRedirectsRefused(agent);
    return Object.assign(agent, { destroyAll: () => destroyAll(agent, sockets) });
  }
  const agent = new (class extends http.Agent {
    override createConnection(opts: http.ClientRequestArgs, cb?: never): Duplex {
      guard(opts.port);
      return track(super.createConnection({ ...opts, lookup }, cb) as Duplex);
    }
  })({ keepAlive: false, maxSockets: 4 });
  withRedirectsRefused(agent);
  return Object.assign(agent, { destroyAll: () => destroyAll(agent, sockets) });
}

function destroyAll(agent: http.Agent, sockets: Set<Duplex>): void {
  for (const socket of sockets) socket.destroy();
  sockets.clear();
  agent.destroy();
}
