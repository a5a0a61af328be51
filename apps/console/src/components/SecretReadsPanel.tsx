import { AssetsApiError, type governance } from '@sdk';
import { useSession } from '../session.ts';
import { useLoad } from '../useLoad.ts';
import { hrefOf } from '../router.ts';
import { ErrorNotice } from './ErrorNotice.tsx';
import { Link } from './Link.tsx';

type AuditEvent = governance.components['schemas']['AuditEventDto'];
const SHOWN = 10;

/**
 * Who read this connection's credentials, newest first: Governance writes each read as
 * `data_connection.secret.read` on `<resource_uri>#credentials-v<N>`, so one prefix search finds
 * the reads of every version.
 */
export function SecretReadsPanel(props: { resourceUri: string; project: string | null; version: number }) {
  const { resourceUri } = props;
  const { governance: gov } = useSession();
  const reads = useLoad(
    async () =>
      (
        await gov.GET('/governance/audit', {
          params: {
            query: {
              action: 'data_connection.secret.read',
              resource_id_prefix: `${resourceUri}#`,
              limit: SHOWN,
            },
          },
        })
      ).data.data as AuditEvent[],
    `${resourceUri}:${props.version}`,
  );

  const refused = reads.error instanceof AssetsApiError && reads.error.status === 403;
  return (
    <section aria-labelledby="reads-title" className="card">
      <h2 id="reads-title">Credential reads</h2>
      {refused ? (
        <p className="notice" role="status">
          Only the organization's owners and admins can see who read these credentials (the audit log).
        </p>
      ) : (
        <ErrorNotice error={reads.error} retry={reads.reload} />
      )}
      {reads.loading && !reads.data && <p aria-live="polite">Loading reads…</p>}
      {reads.data?.length === 0 && <p className="empty">Nobody has read these credentials yet.</p>}
      {reads.data && reads.data.length > 0 && (
        <ol className="history" aria-label="Credential reads, newest first">
          {reads.data.map((event) => (
            <ReadItem key={event.id} event={event} />
          ))}
        </ol>
      )}
      <div className="confirm">
        <button type="button" className="secondary" onClick={reads.reload} disabled={reads.loading}>
          Refresh
        </button>
        {reads.data && reads.data.length > 0 && (
          <Link
            href={hrefOf('/audit', {
              project: props.project,
              action: 'data_connection.secret.read',
              resource_id_prefix: `${resourceUri}#`,
            })}
          >
            Every read in the audit log
          </Link>
        )}
      </div>
    </section>
  );
}

function ReadItem({ event }: { event: AuditEvent }) {
  const version = /#credentials-v(\d+)$/.exec(event.resource_id ?? '')?.[1];
  const purpose = typeof event.details.purpose === 'string' ? event.details.purpose : null;
  return (
    <li>
      <time dateTime={event.timestamp}>{new Date(event.timestamp).toLocaleString()}</time>{' '}
      <strong>{event.actor_id}</strong>{' '}
      <span className="muted small">
        {event.actor_type === 'user' ? 'user' : `${event.actor_type}${purpose ? ` (${purpose})` : ''}`}
        {version && ` · version ${version}`}
        {event.request_id && ` · request ${event.request_id}`}
      </span>
    </li>
  );
}
