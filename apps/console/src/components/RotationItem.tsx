import { useState } from 'react';
import { AssetsApiError } from '@sdk';
import { useSession } from '../session.ts';
import { Badge } from './Badge.tsx';
import { ErrorNotice } from './ErrorNotice.tsx';
import type { Rotation } from './RotateForm.tsx';

export const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : '—');

/** One rotation: its versions, dates, grace period and verification, and its rollback (confirmed). */
export function RotationItem(props: {
  rotation: Rotation;
  canRollBack: boolean;
  resourceUri: string;
  project: string | null;
  onRolledBack: (rotation: Rotation) => void;
}) {
  const { rotation: r } = props;
  const { assets: api } = useSession();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const rollback = async () => {
    setError(null);
    try {
      const { data } = await api
        .withProject(props.project)
        .POST('/assets/data/{resource_uri}/rotations/{id}/rollback', {
          params: { path: { resource_uri: props.resourceUri, id: r.id } },
        });
      setConfirming(false);
      props.onRolledBack(data as Rotation);
    } catch (e) {
      setError(e);
    }
  };
  const forbidden = error instanceof AssetsApiError && error.status === 403;
  return (
    <li>
      <Badge value={r.status} />{' '}
      <strong>
        v{r.from_version} → v{r.to_version}
      </strong>{' '}
      <span className="muted small">
        {r.auth_type} · by {r.actor_id} · <time dateTime={r.created_at}>{when(r.created_at)}</time>
      </span>
      <dl className="meta small">
        {r.promoted_at && (
          <>
            <dt>Promoted</dt>
            <dd>{when(r.promoted_at)}</dd>
          </>
        )}
        <dt>Grace period</dt>
        <dd>
          {r.grace_period_seconds} s
          {r.previous_version_expires_at &&
            ` · previous readable until ${when(r.previous_version_expires_at)}`}
        </dd>
        <dt>Verification</dt>
        <dd>
          {r.error_code
            ? `${r.error_code}: ${r.error_message ?? ''}`
            : r.status === 'staged' || r.status === 'verifying'
              ? 'in progress'
              : 'passed'}
        </dd>
        {r.rolled_back_at && (
          <>
            <dt>Rolled back</dt>
            <dd>{when(r.rolled_back_at)}</dd>
          </>
        )}
        {r.retired_at && (
          <>
            <dt>Retired</dt>
            <dd>{when(r.retired_at)}</dd>
          </>
        )}
      </dl>
      {props.canRollBack && !confirming && (
        <button type="button" className="secondary" onClick={() => setConfirming(true)}>
          Roll back…
        </button>
      )}
      {confirming && (
        <div role="group" aria-label="Confirm rollback" className="confirm">
          <p>
            Make version {r.from_version} active again? Version {r.to_version} stays readable until the same
            expiry, then is retired.
          </p>
          <button type="button" className="danger" autoFocus onClick={() => void rollback()}>
            Yes, roll back
          </button>
          <button type="button" className="secondary" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </div>
      )}
      {forbidden ? (
        <p className="notice error" role="alert">
          You may not roll back: it takes can_manage_secrets on this connection.
        </p>
      ) : (
        <ErrorNotice error={error} />
      )}
    </li>
  );
}
