import { useState } from 'react';
import type { assets } from '@sdk';
import { useSession } from '../session.ts';
import { useConnectionTypes } from '../connection-types.ts';
import { updateQuery, useLocation } from '../router.ts';
import { useLoad } from '../useLoad.ts';
import { ErrorNotice } from './ErrorNotice.tsx';
import { Pager } from './Pager.tsx';
import { RotateForm, type Rotation } from './RotateForm.tsx';
import { RotationItem, when } from './RotationItem.tsx';

type Connection = assets.components['schemas']['ConnectionDto'];
type RotationPage = assets.components['schemas']['RotationPageDto'];
const PAGE_SIZE = 5;

/** The connection's rotations, newest first (paged in the URL), a new one, and a rollback. */
export function RotationsPanel(props: {
  connection: Connection;
  config: Record<string, unknown>;
  project: string | null;
  onChanged: () => void;
  /** The caller's can_manage_secrets; unknown (undefined) offers the controls and lets the API decide. */
  mayRotate?: boolean;
}) {
  const { connection, project } = props;
  const { assets: api } = useSession();
  const { query } = useLocation();
  const page = Math.max(1, Number(query.get('rotations_page')) || 1);
  const [round, setRound] = useState(0);
  const rotations = useLoad(
    async () =>
      (
        await api.withProject(project).GET('/assets/data/{resource_uri}/rotations', {
          params: { path: { resource_uri: connection.resource_uri }, query: { page, limit: PAGE_SIZE } },
        })
      ).data as RotationPage,
    `${connection.resource_uri}:${page}:${round}`,
  );
  const types = useConnectionTypes();
  const type = types.data?.find((t) => t.type === connection.connection_type);
  const [open, setOpen] = useState(false);
  const [outcome, setOutcome] = useState<Rotation | null>(null);
  const changed = (rotation: Rotation) => {
    setOutcome(rotation);
    setOpen(false);
    updateQuery({ rotations_page: null });
    setRound((r) => r + 1);
    props.onChanged();
  };
  const latestPromoted = rotations.data?.data.find((r) => r.status === 'promoted');

  return (
    <section aria-labelledby="rotations-title" className="card">
      <h2 id="rotations-title">Rotations</h2>
      {outcome && <Outcome rotation={outcome} />}
      {open && type ? (
        <RotateForm
          type={type}
          config={props.config}
          resourceUri={connection.resource_uri}
          project={project}
          onDone={changed}
          onCancel={() => setOpen(false)}
        />
      ) : props.mayRotate === false ? (
        <p className="muted small">
          Rotating credentials takes <code>can_manage_secrets</code> (the creator, project developers and
          admins, org admins).
        </p>
      ) : (
        <button type="button" disabled={!type} onClick={() => (setOutcome(null), setOpen(true))}>
          Rotate credentials
        </button>
      )}
      <ErrorNotice error={types.error} retry={types.reload} />
      <ErrorNotice error={rotations.error} retry={rotations.reload} />
      {rotations.loading && !rotations.data && <p aria-live="polite">Loading rotations…</p>}
      {rotations.data?.data.length === 0 && <p className="empty">No rotation yet.</p>}
      {rotations.data && rotations.data.data.length > 0 && (
        <ol className="history rotations" aria-label="Rotations, newest first">
          {rotations.data.data.map((rotation) => (
            <RotationItem
              key={rotation.id}
              rotation={rotation}
              canRollBack={
                props.mayRotate !== false &&
                rotation.id === latestPromoted?.id &&
                page === 1 &&
                Date.parse(rotation.previous_version_expires_at ?? '') > Date.now()
              }
              resourceUri={connection.resource_uri}
              project={project}
              onRolledBack={changed}
            />
          ))}
        </ol>
      )}
      {rotations.data && (
        <Pager
          pagination={rotations.data.pagination}
          label="Rotation pages"
          param="rotations_page"
          previous="Newer"
          next="Older"
        />
      )}
    </section>
  );
}

/** What the last rotation or rollback came to, in words. */
function Outcome({ rotation }: { rotation: Rotation }) {
  if (rotation.status === 'failed')
    return (
      <p className="notice error" role="alert">
        Rotation failed ({rotation.error_code}): {rotation.error_message}. Nothing changed: version{' '}
        {rotation.from_version} is still active.
      </p>
    );
  if (rotation.status === 'rolled_back')
    return (
      <p className="notice ok" role="status">
        Rolled back: version {rotation.from_version} is active again.
      </p>
    );
  return (
    <p className="notice ok" role="status">
      Rotation {rotation.status}: version {rotation.to_version} is active
      {rotation.previous_version_expires_at
        ? `; version ${rotation.from_version} stays readable until ${when(rotation.previous_version_expires_at)}`
        : ''}
      .
    </p>
  );
}
