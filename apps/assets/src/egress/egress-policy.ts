import dns from 'node:dns';
import net from 'node:net';
import os from 'node:os';
import { embeddedIpv4Of, normalizeHost, type NormalizedHost } from './host-normalizer.js';

export interface PinnedDestination {
  /** What the user typed, normalized: used for TLS SNI and certificate checks, never resolved again. */
  hostname: string;
  /** The one address every connection of this verification goes to. */
  address: string;
  family: 4 | 6;
  port: number;
  /** How reports name it when `address:port` is not where it really is (a tunnel's relay). */
  label?: string;
}

/** `host:port` as the user knows it, for step messages. */
export function describeDestination(dest: PinnedDestination): string {
  return dest.label ?? `${dest.hostname}:${dest.port}`;
}

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a name to every address it has; injectable so tests can simulate DNS rebinding. */
export type HostResolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: HostResolver = async (hostname) => {
  const results = await dns.promises.lookup(hostname, { all: true, order: 'verbatim' });
  return results.map((r) => ({ address: r.address, family: r.family === 6 ? 6 : 4 }));
};

export interface EgressPolicyOptions {
  production: boolean;
  allowCidrs?: readonly string[];
  denyCidrs?: readonly string[];
  /** Ports this deployment listens on; denied on every local address. */
  protectedPorts?: readonly number[];
  /**
   * URLs this deployment dials itself (Governance, OpenFGA, its token endpoint, …): their host and
   * port are denied wherever they live (by name and by every address the name resolves to, see
   * `refreshProtectedUrls`), and their port is denied on every local address.
   */
  protectedUrls?: readonly string[];
  resolver?: HostResolver;
  /** Addresses of this machine (defaults to its interfaces). */
  localAddresses?: readonly string[];
}

export type EgressDenialReason =
  | 'metadata_name'
  | 'always_denied_address'
  | 'loopback_in_production'
  | 'deny_list'
  | 'own_service_port'
  | 'embedded_address_denied';

/** The target is forbidden; no byte has been sent to it. */
export class EgressDeniedError extends Error {
  readonly code = 'EGRESS_DENIED';
  constructor(readonly reason: EgressDenialReason) {
    super(`destination denied by egress policy (${reason.replace(/_/g, ' ')})`);
    this.name = 'EgressDeniedError';
  }
}

/** The host or port is malformed; nothing was resolved. */
export class InvalidDestinationError extends Error {
  readonly code = 'INVALID_DESTINATION';
  constructor(message: string) {
    super(message);
    this.name = 'InvalidDestinationError';
  }
}

// Link-local (cloud metadata lives at 169.254.169.254), "this network", multicast, reserved
// and broadcast, plus the non-link-local metadata endpoints of Alibaba (100.100.100.200),
// Oracle (192.0.0.192) and Azure's wire server (168.63.129.16).
const ALWAYS_DENIED_V4: ReadonlyArray<[string, number]> = [
  ['0.0.0.0', 8],
  ['169.254.0.0', 16],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
  ['100.100.100.200', 32],
  ['192.0.0.192', 32],
  ['168.63.129.16', 32],
];
// Unspecified, link-local, multicast, the IPv6 metadata and platform endpoints of AWS (IMDS
// fd00:ec2::254, DNS fd00:ec2::253, fd00:ec2::23), GCE (fd20:ce::254) and OCI (fd00:c1::a9fe:a9fe),
// local-use NAT64 (its embedding varies with the prefix length, so it is denied whole). Forms that
// carry an IPv4 address (NAT64, 6to4, Teredo, ISATAP, IPv4-compatible) are checked as that address.
const ALWAYS_DENIED_V6: ReadonlyArray<[string, number]> = [
  ['::', 128],
  ['fe80::', 10],
  ['ff00::', 8],
  ['fd00:ec2::254', 128],
  ['fd00:ec2::253', 128],
  ['fd00:ec2::23', 128],
  ['fd20:ce::254', 128],
  ['fd00:c1::a9fe:a9fe', 128],
  ['64:ff9b:1::', 48],
];
const LOOPBACK: ReadonlyArray<[string, number, 4 | 6]> = [
  ['127.0.0.0', 8, 4],
  ['::1', 128, 6],
];

// Names that only ever point at an instance metadata service.
const METADATA_NAMES = new Set([
  'metadata',
  'metadata.google.internal',
  'metadata.goog',
  'instance-data',
  'metadata.azure.internal',
  'metadata.tencentyun.com',
]);
const METADATA_NAME_PATTERN = /^(metadata|instance-data)(\.[a-z0-9-]+)*\.internal$/;

function blockList(entries: ReadonlyArray<[string, number]>, family: 'ipv4' | 'ipv6'): net.BlockList {
  const list = new net.BlockList();
  for (const [address, prefix] of entries) list.addSubnet(address, prefix, family);
  return list;
}

/** Parses `10.0.0.0/8,fd00::/8,192.0.2.7` into a BlockList; throws on a malformed entry. */
export function parseCidrList(entries: readonly string[]): net.BlockList {
  const list = new net.BlockList();
  for (const raw of entries) {
    const [addressPart, prefixPart, extra] = raw.trim().split('/');
    if (extra !== undefined) throw new InvalidDestinationError(`invalid CIDR: ${raw}`);
    const family = net.isIPv4(addressPart) ? 4 : net.isIPv6(addressPart) ? 6 : 0;
    if (family === 0) throw new InvalidDestinationError(`invalid CIDR: ${raw}`);
    const max = family === 4 ? 32 : 128;
    const prefix = prefixPart === undefined ? max : Number(prefixPart);
    if (!/^\d+$/.test(prefixPart ?? String(max)) || prefix < 0 || prefix > max) {
      throw new InvalidDestinationError(`invalid CIDR: ${raw}`);
    }
    list.addSubnet(addressPart, prefix, family === 4 ? 'ipv4' : 'ipv6');
  }
  return list;
}

function interfaceAddresses(): string[] {
  return Object.values(os.networkInterfaces())
    .flat()
    .filter((i): i is os.NetworkInterfaceInfo => Boolean(i))
    .map((i) => i.address);
}

/**
 * Decides where a tenant-supplied destination may be reached. `resolve` looks the name up once,
 * checks every address it has, and pins one: callers connect only to `address`, so a second DNS
 * answer (rebinding) never matters.
 */
export class EgressPolicy {
  private readonly deniedV4 = blockList(ALWAYS_DENIED_V4, 'ipv4');
  private readonly deniedV6 = blockList(ALWAYS_DENIED_V6, 'ipv6');
  private readonly loopback = new net.BlockList();
  private readonly allow: net.BlockList;
  private readonly deny: net.BlockList;
  private readonly protectedPorts: Set<number>;
  /** Ports of listeners this process opens at runtime (storage relays), while they are open. */
  private readonly runtimePorts = new Set<number>();
  /** `host:port` of internal endpoints, by name (as normalized) and by resolved address. */
  private readonly protectedNames = new Set<string>();
  private protectedAddresses = new Set<string>();
  private readonly protectedLiterals = new Set<string>();
  private readonly local: net.BlockList;
  private readonly resolver: HostResolver;

  constructor(private readonly options: EgressPolicyOptions) {
    for (const [address, prefix, family] of LOOPBACK) {
      this.loopback.addSubnet(address, prefix, family === 4 ? 'ipv4' : 'ipv6');
    }
    this.allow = parseCidrList(options.allowCidrs ?? []);
    this.deny = parseCidrList(options.denyCidrs ?? []);
    this.protectedPorts = new Set(options.protectedPorts ?? []);
    for (const raw of options.protectedUrls ?? []) {
      const endpoint = internalEndpointOf(raw);
      if (!endpoint) continue;
      this.protectedPorts.add(endpoint.port);
      if (endpoint.host.kind === 'ip')
        this.protectedLiterals.add(endpointKey(endpoint.host.address, endpoint.port));
      else this.protectedNames.add(endpointKey(endpoint.host.name, endpoint.port));
    }
    this.protectedAddresses = new Set(this.protectedLiterals);
    this.resolver = options.resolver ?? systemResolver;
    this.local = new net.BlockList();
    for (const address of [...(options.localAddresses ?? interfaceAddresses()), '0.0.0.0', '::']) {
      const normalized = normalizeHost(address.split('%')[0]);
      if (normalized.kind === 'ip') {
        this.local.addAddress(normalized.address, normalized.family === 4 ? 'ipv4' : 'ipv6');
      }
    }
  }

  /**
   * Resolves the names of `protectedUrls` (once at boot, then now and then) so their addresses are
   * denied too: a tenant cannot reach Governance or OpenFGA through another name or a bare address.
   * A name that does not resolve right now keeps its previous addresses and stays denied by name.
   */
  async refreshProtectedUrls(): Promise<void> {
    const next = new Set(this.protectedLiterals);
    await Promise.all(
      [...this.protectedNames].map(async (key) => {
        const cut = key.lastIndexOf(':');
        const name = key.slice(0, cut);
        const port = Number(key.slice(cut + 1));
        try {
          for (const a of await this.lookup({ kind: 'name', name })) next.add(endpointKey(a.address, port));
        } catch {
          for (const old of this.protectedAddresses) if (old.endsWith(`:${port}`)) next.add(old);
        }
      }),
    );
    this.protectedAddresses = next;
  }

  /**
   * Denies `port` on every local address, like `protectedPorts`, until the returned function is
   * called: for a loopback listener this process opens for itself (a storage relay), which no
   * tenant destination may name while it is open.
   */
  protectPort(port: number): () => void {
    this.runtimePorts.add(port);
    return () => {
      this.runtimePorts.delete(port);
    };
  }

  /** Parses the host; throws InvalidDestinationError or, for metadata names, EgressDeniedError. */
  parse(host: string, port: number): NormalizedHost {
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
      throw new InvalidDestinationError('port must be an integer between 1 and 65535');
    }
    let normalized: NormalizedHost;
    try {
      normalized = normalizeHost(host);
    } catch {
      throw new InvalidDestinationError('host is not a valid hostname or IP address');
    }
    if (normalized.kind === 'name' && isMetadataName(normalized.name)) {
      throw new EgressDeniedError('metadata_name');
    }
    return normalized;
  }

  /** One DNS lookup (none for an IP literal); every address is normalized. */
  async lookup(host: NormalizedHost): Promise<ResolvedAddress[]> {
    if (host.kind === 'ip') return [{ address: host.address, family: host.family }];
    const answers = await this.resolver(host.name);
    if (answers.length === 0) {
      throw Object.assign(new Error('name did not resolve'), { code: 'ENOTFOUND' });
    }
    return answers.map((a) => {
      const normalized = normalizeHost(a.address);
      if (normalized.kind !== 'ip') throw new InvalidDestinationError('resolver returned a non-address');
      return { address: normalized.address, family: normalized.family };
    });
  }

  /** Checks every address (one denied address denies the whole name) and pins the first. */
  pin(host: NormalizedHost, addresses: readonly ResolvedAddress[], port: number): PinnedDestination {
    if (addresses.length === 0) throw new InvalidDestinationError('no address to pin');
    if (host.kind === 'name' && this.protectedNames.has(endpointKey(host.name, port))) {
      throw new EgressDeniedError('own_service_port');
    }
    for (const a of addresses) this.check(a, port);
    return {
      hostname: host.kind === 'name' ? host.name : host.address,
      address: addresses[0].address,
      family: addresses[0].family,
      port,
    };
  }

  async resolve(host: string, port: number): Promise<PinnedDestination> {
    const parsed = this.parse(host, port);
    return this.pin(parsed, await this.lookup(parsed), port);
  }

  /**
   * A destination behind an SSH bastion: only the bastion resolves it, so it is checked as written.
   * Metadata names and always-denied or deny-listed literals (link-local, cloud metadata, in any
   * spelling the normalizer reads) are refused; loopback and private addresses are the bastion's
   * own network, so they are allowed.
   */
  checkBehindBastion(host: string, port: number): NormalizedHost {
    const parsed = this.parse(host, port);
    if (parsed.kind === 'ip')
      this.checkAlwaysDenied({ address: parsed.address, family: parsed.family }, port);
    return parsed;
  }

  /** Throws EgressDeniedError when this address (already normalized) may not be reached. */
  check(target: ResolvedAddress, port: number): void {
    const family = target.family === 4 ? 'ipv4' : 'ipv6';
    const { address } = target;
    this.checkAlwaysDenied(target, port);
    if (target.family === 6) {
      for (const embedded of embeddedIpv4Of(address)) {
        try {
          this.check({ address: embedded, family: 4 }, port);
        } catch (error) {
          if (error instanceof EgressDeniedError) throw new EgressDeniedError('embedded_address_denied');
          throw error;
        }
      }
    }
    const isLoopback = this.loopback.check(address, family);
    if (isLoopback && this.options.production && !this.allow.check(address, family)) {
      throw new EgressDeniedError('loopback_in_production');
    }
    if (
      (isLoopback || this.local.check(address, family)) &&
      (this.protectedPorts.has(port) || this.runtimePorts.has(port))
    ) {
      throw new EgressDeniedError('own_service_port');
    }
    if (this.protectedAddresses.has(endpointKey(address, port)))
      throw new EgressDeniedError('own_service_port');
  }

  /** Denied wherever the address is dialled from: metadata, link-local, the deny-list. */
  private checkAlwaysDenied(target: ResolvedAddress, port: number): void {
    const { address } = target;
    if (target.family === 4 ? this.deniedV4.check(address, 'ipv4') : this.deniedV6.check(address, 'ipv6')) {
      throw new EgressDeniedError('always_denied_address');
    }
    if (target.family === 6) {
      for (const embedded of embeddedIpv4Of(address)) {
        try {
          this.checkAlwaysDenied({ address: embedded, family: 4 }, port);
        } catch (error) {
          if (error instanceof EgressDeniedError) throw new EgressDeniedError('embedded_address_denied');
          throw error;
        }
      }
    }
    if (this.deny.check(address, target.family === 4 ? 'ipv4' : 'ipv6'))
      throw new EgressDeniedError('deny_list');
  }
}

function endpointKey(host: string, port: number): string {
  return `${host}:${port}`;
}

/** Host (normalized) and port of an internal http(s) URL; undefined for anything unparsable. */
function internalEndpointOf(raw: string): { host: NormalizedHost; port: number } | undefined {
  try {
    const url = new URL(raw);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    const port = Number(url.port) || (url.protocol === 'http:' ? 80 : 443);
    return { host: normalizeHost(url.hostname), port };
  } catch {
    return undefined;
  }
}

export function isMetadataName(name: string): boolean {
  const bare = name.replace(/\.+$/, '').toLowerCase();
  return METADATA_NAMES.has(bare) || METADATA_NAME_PATTERN.test(bare);
}
