import { EgressDeniedError, type EgressPolicy, InvalidDestinationError } from '../egress/index.js';

export const MAX_URL_LENGTH = 2048;

export type UrlCheck =
  { ok: true; url: string } | { ok: false; reason: 'invalid' | 'denied'; message: string };

/**
 * Whether a subscription may point at `raw`: an absolute https URL (http only outside production),
 * no credentials in it, no fragment, and no destination the egress policy refuses without a DNS
 * lookup (an IP literal it denies, a metadata name, a port of the platform's own). Names are
 * resolved and checked again on every delivery.
 */
export function checkWebhookUrl(raw: string, production: boolean, egress: EgressPolicy): UrlCheck {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'invalid', message: 'must be an absolute URL' };
  }
  if (raw.length > MAX_URL_LENGTH)
    return { ok: false, reason: 'invalid', message: `must be at most ${MAX_URL_LENGTH} characters` };
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && !production))
    return {
      ok: false,
      reason: 'invalid',
      message: production ? 'must use https' : 'must use https (or http outside production)',
    };
  if (url.username || url.password)
    return { ok: false, reason: 'invalid', message: 'must not carry credentials (user:password@)' };
  if (url.hash) return { ok: false, reason: 'invalid', message: 'must not have a fragment' };
  const port = Number(url.port) || (url.protocol === 'https:' ? 443 : 80);
  try {
    const host = egress.parse(url.hostname.replace(/^\[|\]$/g, ''), port);
    if (host.kind === 'ip') egress.pin(host, [{ address: host.address, family: host.family }], port);
  } catch (error) {
    if (error instanceof EgressDeniedError)
      return { ok: false, reason: 'denied', message: `is not allowed: ${error.message}` };
    if (error instanceof InvalidDestinationError)
      return { ok: false, reason: 'invalid', message: 'has an invalid host or port' };
    throw error;
  }
  return { ok: true, url: url.toString() };
}
