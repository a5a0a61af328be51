import { useState } from 'react';
import { useSession } from '../session.ts';
import { useLoad } from '../useLoad.ts';
import { ErrorNotice } from './ErrorNotice.tsx';

/** The managed key to authorize on the bastion, and the approval of the host key the last verify saw. */
export function SshTunnelPanel(props: {
  resourceUri: string;
  project: string | null;
  seenFingerprint?: string;
  onApproved: () => void;
}) {
  const { assets: api } = useSession();
  const key = useLoad(
    async () =>
      (
        await api.withProject(props.project).GET('/assets/data/{resource_uri}/ssh-public-key', {
          params: { path: { resource_uri: props.resourceUri } },
        })
      ).data as { public_key: string; fingerprint: string },
    props.resourceUri,
  );
  const [approveError, setApproveError] = useState<unknown>(null);
  const approve = async (fingerprint: string) => {
    setApproveError(null);
    try {
      await api.withProject(props.project).POST('/assets/data/{resource_uri}/ssh-host-key/approve', {
        params: { path: { resource_uri: props.resourceUri } },
        body: { fingerprint },
      });
      props.onApproved();
    } catch (error) {
      setApproveError(error);
    }
  };
  return (
    <section aria-labelledby="ssh-title" className="card">
      <h2 id="ssh-title">SSH tunnel</h2>
      {key.loading && !key.data && <p aria-live="polite">Loading key…</p>}
      {key.data && (
        <>
          <label htmlFor="ssh-public-key">Public key to add to the bastion's authorized_keys</label>
          <textarea id="ssh-public-key" readOnly rows={3} value={key.data.public_key} />
          <p className="small muted">Fingerprint {key.data.fingerprint}</p>
        </>
      )}
      <ErrorNotice error={key.error} />
      {props.seenFingerprint && (
        <div className="confirm">
          <p>
            The bastion presented host key <code>{props.seenFingerprint}</code>. Approve it if it is the one
            you expect.
          </p>
          <button type="button" onClick={() => void approve(props.seenFingerprint!)}>
            Approve host key
          </button>
        </div>
      )}
      <ErrorNotice error={approveError} />
    </section>
  );
}
