import { useEffect, useState } from 'react';
import { AssetsApiError } from '@sdk';
import { useSession } from '../session.ts';
import { messageOf } from '../errors.ts';

/** How long revealed credentials stay on screen. */
export const REVEAL_MS = 30_000;

/**
 * Credentials only on an explicit, confirmed request (each read is audited), fetched with
 * `no-store`, kept in component state only and wiped after REVEAL_MS or when the page goes.
 */
export function RevealCredentials({
  resourceUri,
  project,
  onRevealed,
  mayReveal,
}: {
  resourceUri: string;
  project: string | null;
  onRevealed?: () => void;
  /** The caller's can_execute; unknown (undefined) offers the button and lets the API decide. */
  mayReveal?: boolean;
}) {
  const { assets: api } = useSession();
  const [stage, setStage] = useState<'idle' | 'confirm' | 'loading'>('idle');
  const [secret, setSecret] = useState<Record<string, unknown> | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  useEffect(() => {
    if (!secret) return;
    const timer = setTimeout(() => setSecret(null), REVEAL_MS);
    return () => clearTimeout(timer);
  }, [secret]);
  useEffect(() => () => setSecret(null), []);

  const reveal = async () => {
    setStage('loading');
    setRefusal(null);
    try {
      const { data } = await api.withProject(project).GET('/assets/data/{resource_uri}/secret', {
        params: { path: { resource_uri: resourceUri } },
        cache: 'no-store',
      });
      setSecret((data as { credentials: Record<string, unknown> }).credentials);
      onRevealed?.();
    } catch (error) {
      const refused = error instanceof AssetsApiError && (error.status === 403 || error.status === 404);
      setRefusal(
        refused
          ? 'You may not read these credentials (it takes can_execute on this connection).'
          : messageOf(error),
      );
    } finally {
      setStage('idle');
    }
  };

  return (
    <section aria-labelledby="secret-title" className="card">
      <h2 id="secret-title">Credentials</h2>
      {refusal && (
        <p className="notice error" role="alert">
          {refusal}
        </p>
      )}
      {secret ? (
        <>
          <p className="notice warn" role="status">
            Shown for {REVEAL_MS / 1000} seconds. This read was audited.
          </p>
          <pre className="secret" aria-label="Revealed credentials">
            {JSON.stringify(secret, null, 2)}
          </pre>
          <button type="button" className="secondary" onClick={() => setSecret(null)}>
            Hide now
          </button>
        </>
      ) : stage === 'confirm' ? (
        <div role="group" aria-label="Confirm reveal" className="confirm">
          <p>Reveal the credentials? The read is recorded in the audit log with your name.</p>
          <button type="button" className="danger" autoFocus onClick={() => void reveal()}>
            Yes, reveal
          </button>
          <button type="button" className="secondary" onClick={() => setStage('idle')}>
            Cancel
          </button>
        </div>
      ) : mayReveal === false ? (
        <p className="muted small">
          Reading credentials takes <code>can_execute</code> (the creator, project operators, developers and
          admins, org admins).
        </p>
      ) : (
        <button
          type="button"
          className="secondary"
          disabled={stage === 'loading'}
          onClick={() => setStage('confirm')}
        >
          {stage === 'loading' ? 'Reading…' : 'Reveal credentials'}
        </button>
      )}
    </section>
  );
}
