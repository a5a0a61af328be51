import { DriverError } from '../../driver-error.js';

export interface ServiceEndpoint {
  /** scheme://host[:port], no trailing slash. */
  origin: string;
  /** The one path segment an emulator needs (Azurite's account), if allowed and present. */
  segment?: string;
  /** Bare host (IPv6 without brackets), as the egress policy wants it. */
  host: string;
  port: number;
  https: boolean;
}

const SEGMENT = /^\/([A-Za-z0-9._-]{1,255})\/?$/;

/**
 * scheme://host[:port][/segment]: userinfo, queries, fragments and longer paths are rejected, so
 * an endpoint can never carry credentials or point the client at an arbitrary URL.
 */
export function parseServiceEndpoint(raw: string, options: { allowSegment?: boolean } = {}): ServiceEndpoint {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new DriverError('invalid_config', 'endpoint must be an http(s) URL');
  }
  const segment = SEGMENT.exec(url.pathname)?.[1];
  const pathOk =
    url.pathname === '/' || url.pathname === '' || (options.allowSegment === true && segment !== undefined);
  if (
    !['http:', 'https:'].includes(url.protocol) ||
    url.username ||
    url.password ||
    !pathOk ||
    url.search ||
    url.hash ||
    /[?#@\\]/.test(raw)
  ) {
    throw new DriverError('invalid_config', 'endpoint must be scheme://host[:port] with nothing else');
  }
  const https = url.protocol === 'https:';
  return {
    origin: url.origin,
    segment: url.pathname.length > 1 ? segment : undefined,
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port ? Number(url.port) : https ? 443 : 80,
    https,
  };
}
