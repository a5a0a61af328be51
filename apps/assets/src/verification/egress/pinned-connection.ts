import type { LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import net from 'node:net';

import type { Duplex } from 'node:stream';
import { EgressDeniedError, type PinnedDestination } from './egress-policy.js';

function sameHost(requested: string, dest: PinnedDestination): boolean {
  const bare = requested.replace(/^\[|\]$/g, '').replace(/\.+$/, '').toLowerCase();
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

/** Opens a TCP connection to the pinned address and port, never to anything else. */
export function connectPinned(dest: PinnedDestination): net.Socket {
  return net.connect({ host: dest.address, port: dest.port, family: dest.family });
}

interface PinnedAgentOptions {
  https: boolean;
  /** PEM CA bundle to trust instead of the system store. */
  ca?: string;
  /** Sees every socket the agent opens (drivers time their connect and TLS phases with it). */
  onSocket?: (socket: Duplex) => void;
}

/**
 * An HTTP(S) agent for SDKs: every socket goes to the pinned address and port, TLS keeps the
 * hostname for SNI and certificate checks, and connections are not kept alive past the call.
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
  if (options.https) {
    const agent = new (class extends https.Agent {
      override createConnection(opts: https.RequestOptions & { port?: number }, cb?: never): Duplex {
        guard(opts.port);
        return track(super.createConnection({ ...opts, lookup, ...(servername ? { servername } : {}) }, cb) as Duplex);
      }
    })({ keepAlive: false, maxSockets: 4, lookup, ca: options.ca, ...(servername ? { servername } : {}) });
    return Object.assign(agent, { destroyAll: () => destroyAll(agent, sockets) });
  }
  const agent = new (class extends http.Agent {
    override createConnection(opts: http.ClientRequestArgs, cb?: never): Duplex {
      guard(opts.port);
      return track(super.createConnection({ ...opts, lookup }, cb) as Duplex);
    }
  })({ keepAlive: false, maxSockets: 4 });
  return Object.assign(agent, { destroyAll: () => destroyAll(agent, sockets) });
}

function destroyAll(agent: http.Agent, sockets: Set<Duplex>): void {
  for (const socket of sockets) socket.destroy();
  sockets.clear();
  agent.destroy();
}
