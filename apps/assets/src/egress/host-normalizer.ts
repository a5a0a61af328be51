import net from 'node:net';

export type NormalizedHost = { kind: 'ip'; address: string; family: 4 | 6 } | { kind: 'name'; name: string };

export class InvalidHostError extends Error {
  constructor(reason: string) {
    super(`invalid host: ${reason}`);
    this.name = 'InvalidHostError';
  }
}

// Anything that could make a URL parser read userinfo, a port, a path or a zone id.
const FORBIDDEN_HOST_CHARS = /[\s/\\?#@%:[\]<>^|"'`{}]/;
const HOSTNAME_AFTER_URL = /^[a-z0-9-]+(\.[a-z0-9-]+)*$/;

/**
 * Turns any spelling of a host into either a canonical IP address or a lowercase DNS name.
 * IPv4 follows WHATWG URL host parsing, which accepts decimal (`2852039166`), octal
 * (`0251.0376.0251.0376`), hex (`0xa9fea9fe`) and short (`169.254.43518`) forms, exactly the
 * forms that `getaddrinfo`/`inet_aton` would also accept. IPv4-mapped IPv6 collapses to IPv4,
 * since that is where the socket really goes.
 */
export function normalizeHost(input: string): NormalizedHost {
  if (typeof input !== 'string') throw new InvalidHostError('not a string');
  let host = input.trim();
  if (host.length === 0 || host.length > 255) throw new InvalidHostError('empty or too long');
  if (host.startsWith('[') && host.endsWith(']')) {
    host = host.slice(1, -1);
    if (!net.isIPv6(host)) throw new InvalidHostError('bracketed value is not an IPv6 address');
  }
  if (net.isIPv6(host)) return normalizeIpv6(host);
  if (FORBIDDEN_HOST_CHARS.test(host)) throw new InvalidHostError('contains a forbidden character');
  let parsed: string;
  try {
    parsed = new URL(`http://${host}/`).hostname;
  } catch {
    throw new InvalidHostError('not a valid hostname or IP address');
  }
  if (net.isIPv4(parsed)) return { kind: 'ip', address: parsed, family: 4 };
  const name = parsed.replace(/\.+$/, '').toLowerCase();
  if (!HOSTNAME_AFTER_URL.test(name) || name.length > 253) {
    throw new InvalidHostError('not a valid hostname');
  }
  return { kind: 'name', name };
}

function normalizeIpv6(address: string): NormalizedHost {
  // The URL parser prints the canonical (RFC 5952) form: lowercase, compressed, no leading zeros.
  const canonical = new URL(`http://[${address}]/`).hostname.slice(1, -1);
  const mapped = ipv4MappedOf(canonical);
  if (mapped) return { kind: 'ip', address: mapped, family: 4 };
  return { kind: 'ip', address: canonical, family: 6 };
}

/** Expands an IPv6 address to its 8 hextets. */
export function ipv6Hextets(address: string): number[] {
  let text = address;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted[1].split('.').map(Number);
    text = text.slice(0, -dotted[1].length) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const headParts = head ? head.split(':') : [];
  const tailParts = tail ? tail.split(':') : [];
  const fill = tail === undefined ? [] : new Array(8 - headParts.length - tailParts.length).fill('0');
  return [...headParts, ...fill, ...tailParts].map((h) => parseInt(h, 16));
}

function ipv4FromHextets(high: number, low: number): string {
  return `${high >> 8}.${high & 0xff}.${low >> 8}.${low & 0xff}`;
}

/** `::ffff:a.b.c.d` (mapped) and `::ffff:0:a.b.c.d` (translated) connect to the IPv4 address. */
function ipv4MappedOf(address: string): string | undefined {
  const h = ipv6Hextets(address);
  const zeros = (n: number) => h.slice(0, n).every((x) => x === 0);
  if (zeros(5) && h[5] === 0xffff) return ipv4FromHextets(h[6], h[7]);
  if (zeros(4) && h[4] === 0xffff && h[5] === 0) return ipv4FromHextets(h[6], h[7]);
  return undefined;
}

/**
 * IPv4 addresses carried inside an IPv6 address by a translation or tunnelling mechanism. A
 * translator, relay or tunnel would forward to that IPv4 address, so it must pass the policy too:
 * - NAT64 well-known prefix 64:ff9b::/96 (RFC 6052; 64:ff9b:1::/48 is denied whole);
 * - IPv4-compatible ::a.b.c.d (::/96) and IPv4-mapped/translated forms that survived parsing;
 * - 6to4 2002:AABB:CCDD::/48 (RFC 3056);
 * - Teredo 2001:0:SSSS:SSSS:flags:port:CCCC:CCCC (RFC 4380): the server's IPv4 in plain, the
 *   client's as the last 32 bits XOR 0xffffffff;
 * - ISATAP interface identifiers `::0:5efe:a.b.c.d` / `::200:5efe:a.b.c.d` under any /64 (RFC 5214).
 */
export function embeddedIpv4Of(address: string): string[] {
  const h = ipv6Hextets(address);
  const found = new Set<string>();
  if (h[0] === 0x64 && h[1] === 0xff9b) found.add(ipv4FromHextets(h[6], h[7]));
  if (h.slice(0, 6).every((x) => x === 0) && (h[6] !== 0 || h[7] > 1)) found.add(ipv4FromHextets(h[6], h[7]));
  if (h.slice(0, 5).every((x) => x === 0) && h[5] === 0xffff) found.add(ipv4FromHextets(h[6], h[7]));
  if (h.slice(0, 4).every((x) => x === 0) && h[4] === 0xffff && h[5] === 0)
    found.add(ipv4FromHextets(h[6], h[7]));
  if (h[0] === 0x2002) found.add(ipv4FromHextets(h[1], h[2]));
  if (h[0] === 0x2001 && h[1] === 0) {
    found.add(ipv4FromHextets(h[2], h[3]));
    found.add(ipv4FromHextets(h[6] ^ 0xffff, h[7] ^ 0xffff));
  }
  // ISATAP: the u/g bits of the first IID byte may be set (0x0200 = universal); nothing else.
  if ((h[4] & 0xfcff) === 0 && h[5] === 0x5efe) found.add(ipv4FromHextets(h[6], h[7]));
  return [...found];
}
