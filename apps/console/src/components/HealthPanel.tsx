import type { assets } from '@sdk';
import { useSession } from '../session.ts';
import { useLoad } from '../useLoad.ts';
import { Badge } from './Badge.tsx';
import { ErrorNotice } from './ErrorNotice.tsx';

type Connection = assets.components['schemas']['ConnectionDto'];
type HealthPage = assets.components['schemas']['HealthCheckPageDto'];

/** The health the scheduler last found, and its latest checks. */
export function HealthPanel({
  connection,
  project,
  version,
}: {
  connection: Connection;
  project: string | null;
  version: number;
}) {
  const { assets: api } = useSession();
  const history = useLoad(
    async () =>
      (
        await api.withProject(project).GET('/assets/data/{resource_uri}/health', {
          params: { path: { resource_uri: connection.resource_uri }, query: { limit: 10 } as never },
        })
      ).data as HealthPage,
    `${connection.resource_uri}:${version}`,
  );
  return (
    <section aria-labelledby="health-title" className="card">
      <h2 id="health-title">Health</h2>
      <p>
        <Badge value={connection.health} />{' '}
        {connection.last_checked_at
          ? `checked ${new Date(connection.last_checked_at).toLocaleString()}`
          : 'never checked'}
        {connection.consecutive_failures > 0 && ` · ${connection.consecutive_failures} failure(s) in a row`}
      </p>
      <ErrorNotice error={history.error} retry={history.reload} />
      {history.loading && !history.data && <p aria-live="polite">Loading history…</p>}
      {history.data?.data.length === 0 && <p className="empty">No check has run yet.</p>}
      {history.data && history.data.data.length > 0 && (
        <ul className="history">
          {history.data.data.map((check) => (
            <li key={check.id}>
              <Badge value={check.health} />{' '}
              <time dateTime={check.checked_at}>{new Date(check.checked_at).toLocaleString()}</time>{' '}
              <span className="muted small">
                {check.latency_ms} ms · {check.message}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
