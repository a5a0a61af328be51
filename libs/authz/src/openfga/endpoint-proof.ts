import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Dev mode: Assets finds Governance's OpenFGA endpoint by port, and its pre-shared token must
 * never reach whatever else listens there. Before the token is sent, the endpoint proves it
 * holds the token: it answers a fresh challenge with an HMAC keyed by the token over the
 * challenge and the port it accepted the connection on (so a relay on another port cannot pass
 * a real endpoint's answer off as its own).
 */
export const ENDPOINT_PROOF_PATH = 'endpoint-proof';
export const ENDPOINT_CHALLENGE = /^[\w-]{32,128}$/;

export function endpointProof(apiToken: string, port: number, challenge: string): string {
  return createHmac('sha256', apiToken)
    .update(`openfga-endpoint-proof\n${port}\n${challenge}`)
    .digest('base64url');
}

export class EndpointProofError extends Error {
  override name = 'EndpointProofError';
}

/** Resolves when the server at `baseUrl` proves it holds `apiToken`; rejects otherwise, without ever sending the token. */
export async function verifyEndpointProof(
  baseUrl: string,
  apiToken: string,
  timeoutMs = 3000,
): Promise<void> {
  const url = new URL(baseUrl);
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  const challenge = randomBytes(32).toString('base64url');
  const target = new URL(`${url.pathname.replace(/\/+$/, '')}/${ENDPOINT_PROOF_PATH}`, url);
  target.searchParams.set('challenge', challenge);
  let proof: unknown;
  try {
    const response = await fetch(target, { redirect: 'error', signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok) {
      await response.body?.cancel();
      throw new EndpointProofError(`answered HTTP ${response.status} to the endpoint proof`);
    }
    proof = ((await response.json()) as { proof?: unknown }).proof;
  } catch (error) {
    if (error instanceof EndpointProofError) throw error;
    throw new EndpointProofError(
      `did not answer the endpoint proof (${(error as Error).name === 'TimeoutError' ? 'timeout' : (error as Error).name})`,
    );
  }
  const expected = Buffer.from(endpointProof(apiToken, port, challenge));
  const given = Buffer.from(typeof proof === 'string' ? proof : '');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new EndpointProofError('is not the endpoint that holds this token (wrong endpoint proof)');
  }
}
