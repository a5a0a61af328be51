import { useState } from 'react';
import type { assets } from '@sdk';
import { fieldErrorsOf, fieldMessage, statusOf } from '../errors.ts';
import { useSession } from '../session.ts';
import { useLoad } from '../useLoad.ts';
import { ErrorNotice } from './ErrorNotice.tsx';

type PublicKey = assets.components['schemas']['SshPublicKeyDto'];

/** The tunnel part of `database_config`: what the panel needs to know about it. */
export interface SshTunnelSettings {
  host?: string;
  port?: number;
  auth_method?: string;
  host_key_fingerprint?: string | null;
}

const FORBIDDEN =
  "it takes can_manage_secrets on this connection (its creator, the project's developers and admins, the organization's admins).";

/**
 * The managed key to authorize on the bastion (copy, rotate), the host key approved so far, and the
 * approval, after a confirmation, of the host key the last verification saw.
 */
export function SshTunnelPanel(props: {
  resourceUri: string;
  project: string | null;
  tunnel: SshTunnelSettings;
  seenFingerprint?: string;
  onApproved: () => void;
  onChanged: () => void;
  /** The caller's can_manage_secrets; unknown (undefined) offers the controls and lets the API decide. */
  mayManage?: boolean;
}) {
  const { assets: api } = useSession();
  const managed = (props.tunnel.auth_method ?? 'managed_key') === 'managed_key';
  const key = useLoad(
    async () =>
      managed
        ? ((
            await api.withProject(props.project).GET('/assets/data/{resource_uri}/ssh-public-key', {
              params: { path: { resource_uri: props.resourceUri } },
            })
          ).data as PublicKey)
        : undefined,
    `${props.resourceUri}:${managed}`,
  );
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied('Copied to the clipboard.');
    } catch {
      setCopied('Could not copy: select the key and copy it yourself.');
    }
  };

  const [confirmingApproval, setConfirmingApproval] = useState(false);
  const [approveError, setApproveError] = useState<unknown>(null);
  const approve = async (fingerprint: string) => {
    setApproveError(null);
    setConfirmingApproval(false);
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

  const [rotating, setRotating] = useState<'idle' | 'confirm' | 'busy'>('idle');
  const [graceHours, setGraceHours] = useState('24');
  const [rotateError, setRotateError] = useState<unknown>(null);
  const [rotated, setRotated] = useState(false);
  const rotate = async () => {
    setRotating('busy');
    setRotateError(null);
    try {
      await api.withProject(props.project).POST('/assets/data/{resource_uri}/ssh-key/rotate', {
        params: { path: { resource_uri: props.resourceUri } },
        body: { grace_period_hours: Number(graceHours) },
      });
      setRotated(true);
      setCopied(null);
      key.reload();
      props.onChanged();
      setRotating('idle');
    } catch (error) {
      setRotateError(error);
      setRotating('confirm');
    }
  };

  const graceError = fieldMessage(fieldErrorsOf(rotateError), 'grace_period_hours');
  const k = key.data;
  const approved = props.tunnel.host_key_fingerprint;
  const bastion = props.tunnel.host ? `${props.tunnel.host}:${props.tunnel.port ?? 22}` : 'the bastion';
  return (
    <section aria-labelledby="ssh-title" className="card">
      <h2 id="ssh-title">SSH tunnel</h2>
      <h3>Bastion host key</h3>
      <p className="small">
        {approved ? (
          <>
            Approved: <code className="wrap">{approved}</code>
          </>
        ) : (
          'None approved yet. Verify now to see the key the bastion presents.'
        )}
      </p>
      {props.seenFingerprint && (
        <div role="group" aria-label="Host key to approve" className="confirm">
          {approved && approved !== props.seenFingerprint ? (
            <p className="notice warn">
              {bastion} presented host key <code className="wrap">{props.seenFingerprint}</code>, not the
              approved one, and nothing was sent to it. A bastion rebuilt or with new host keys does this, and
              so does someone intercepting the connection: replace the approved key only if the bastion&apos;s
              administrator confirms the new one (<code>ssh-keygen -lf</code> on the host key).
            </p>
          ) : (
            <p>
              {bastion} presented host key <code className="wrap">{props.seenFingerprint}</code>. Approve it
              only if its administrator confirms it (<code>ssh-keygen -lf</code> on the host key).
            </p>
          )}
          {props.mayManage === false ? (
            <p className="muted small">
              Approving a host key takes <code>can_manage_secrets</code>: ask a project developer or admin.
            </p>
          ) : confirmingApproval ? (
            <>
              <p>Trust this key? From now on any other key is refused before a credential is sent.</p>
              <button
                type="button"
                className="danger"
                autoFocus
                onClick={() => void approve(props.seenFingerprint!)}
              >
                Yes, trust this key
              </button>
              <button type="button" className="secondary" onClick={() => setConfirmingApproval(false)}>
                Cancel
              </button>
            </>
          ) : (
            <button type="button" onClick={() => setConfirmingApproval(true)}>
              {approved && approved !== props.seenFingerprint
                ? 'Replace the approved key…'
                : 'Approve host key…'}
            </button>
          )}
        </div>
      )}
      {statusOf(approveError) === 403 ? (
        <p className="notice error" role="alert">
          You may not approve the host key: {FORBIDDEN}
        </p>
      ) : (
        <ErrorNotice error={approveError} />
      )}
      <h3>{managed ? 'Platform-managed key' : 'Sign-in'}</h3>
      {!managed && (
        <p className="small muted">
          This tunnel signs in with a {props.tunnel.auth_method === 'password' ? 'password' : 'private key'}{' '}
          you supplied: there is no platform-managed key to show or rotate.
        </p>
      )}
      {managed && key.loading && !k && <p aria-live="polite">Loading key…</p>}
      {k && (
        <>
          <label htmlFor="ssh-public-key">Public key to add to the bastion's authorized_keys</label>
          <textarea id="ssh-public-key" readOnly rows={4} value={k.public_key} />
          <div className="confirm">
            <button type="button" className="secondary" onClick={() => void copy(k.public_key)}>
              Copy public key
            </button>
            {copied && (
              <span className="small" role="status">
                {copied}
              </span>
            )}
          </div>
          <p className="small muted wrap">Key fingerprint {k.fingerprint}</p>
          {k.previous_public_key && k.previous_key_expires_at && (
            <p className="small">
              The replaced key is still offered until {new Date(k.previous_key_expires_at).toLocaleString()}:
              keep its line in authorized_keys until the new one verifies, then remove it.
            </p>
          )}
        </>
      )}
      <ErrorNotice error={key.error} retry={key.reload} />
      {rotated && rotating === 'idle' && (
        <p className="notice ok" role="status">
          New key generated. Add it to authorized_keys, verify, then remove the old line.
        </p>
      )}
      {k && rotating === 'idle' && props.mayManage !== false && (
        <button type="button" className="secondary" onClick={() => setRotating('confirm')}>
          Rotate key…
        </button>
      )}
      {k && rotating !== 'idle' && (
        <div role="group" aria-label="Confirm key rotation" className="confirm">
          <p>
            Generate a new key? The current one is still offered during the grace period, while you update
            authorized_keys.
          </p>
          <div className="field">
            <label htmlFor="ssh-grace-hours">Grace period (hours, 1 to 720)</label>
            <input
              id="ssh-grace-hours"
              type="number"
              min={1}
              max={720}
              value={graceHours}
              aria-invalid={graceError ? true : undefined}
              aria-describedby={graceError ? 'ssh-grace-hours-error' : undefined}
              onChange={(event) => setGraceHours(event.target.value)}
            />
            {graceError && (
              <p id="ssh-grace-hours-error" className="field-error">
                {graceError}
              </p>
            )}
          </div>
          <button
            type="button"
            className="danger"
            disabled={rotating === 'busy'}
            onClick={() => void rotate()}
          >
            {rotating === 'busy' ? 'Rotating…' : 'Yes, rotate key'}
          </button>
          <button type="button" className="secondary" onClick={() => setRotating('idle')}>
            Cancel
          </button>
        </div>
      )}
      {statusOf(rotateError) === 403 ? (
        <p className="notice error" role="alert">
          You may not rotate the key: {FORBIDDEN}
        </p>
      ) : (
        !graceError && <ErrorNotice error={rotateError} />
      )}
    </section>
  );
}
