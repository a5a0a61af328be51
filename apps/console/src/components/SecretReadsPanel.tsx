import { AssetsApiError, type governance } from '@sdk';
import { useSession } from '../session.ts';
import { useLoad } from '../useLoad.ts';
import { ErrorNotice } from './ErrorNotice.tsx';

type AuditEvent = governance.components['schemas']['AuditEventDto'];
const SHOWN = 10;
/** How many of the newest credential versions are searched (older reads are older anyway). */
const VERSIONS = 5;

/**
 * Who read this connection's credentials, newest first. Governance writes each read as
 * `data_connection.secret.read` on `<resource_uri>#credentials-v<N>` and filters resource ids
 * exactly, so the panel asks once per version it knows of: the stored ones, those the rotations
 * name, and the first.
 */
export function SecretReadsPanel(props: { resourceUri: string; project: string | null; version: number }) {
  const { resourceUri, project } = props;
  const { assets, governance: gov } = useSession();
  const reads = useLoad(async () => {
    const versions = await versionsOf();
    const pages = await Promise.all(
      versions.map(
        async (v) =>
          (
            await gov.GET('/governance/audit', {
              params: {
                query: {
                  action: 'data_connection.secret.read',
                  resource_id: `${resourceUri}#credentials-v${v}`,
                  limit: SHOWN,
                },
              },
            })
          ).data.data,
      ),
    );
    return pages
      .flat()
      .sort((a, b) => b.timestamp.localeCompare(a.timestamp))
      .slice(0, SHOWN);
  }, `${resourceUri}:${props.version}`);

  async function versionsOf(): Promise<number[]> {
    const found = new Set([1]);
    const [stored, rotations] = await Promise.all([
      gov
        .GET('/governance/resources/data-connections/{resource_uri}/secrets', {
          params: { path: { resource_uri: resourceUri }, query: { limit: 100 } as never },
        })
        .then(({ data }) => data.data.map((s) => s.name))
        .catch(() => [] as string[]),
      assets
        .withProject(project)
        .GET('/assets/data/{resource_uri}/rotations', {
          params: { path: { resource_uri: resourceUri }, query: { limit: 20 } },
        })
        .then(({ data }) => data.data.flatMap((r) => [r.from_version, r.to_version]))
        .catch(() => [] as number[]),
    ]);
    for (const name of stored) {
      const match = /^credentials-v(\d+)$/.exec(name);
      if (match) found.add(Number(match[1]));
    }
    for (const version of rotations) found.add(version);
    return [...found].sort((a, b) => b - a).slice(0, VERSIONS);
  }

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
      <button type="button" className="secondary" onClick={reads.reload} disabled={reads.loading}>
        Refresh
      </button>
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
