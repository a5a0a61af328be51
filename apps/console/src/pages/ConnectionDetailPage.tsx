import { useState } from 'react';
import type { assets } from '@sdk';
import { useSession } from '../session.ts';
import { hrefOf, useLocation } from '../router.ts';
import { useLoad } from '../useLoad.ts';
import { Badge } from '../components/Badge.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { HealthPanel } from '../components/HealthPanel.tsx';
import { Link } from '../components/Link.tsx';
import { RevealCredentials } from '../components/RevealCredentials.tsx';
import { RotationsPanel } from '../components/RotationsPanel.tsx';
import { SecretReadsPanel } from '../components/SecretReadsPanel.tsx';
import { SshTunnelPanel, type SshTunnelSettings } from '../components/SshTunnelPanel.tsx';
import { VerifyReport, type Report } from '../components/VerifyReport.tsx';

type Connection = assets.components['schemas']['ConnectionDto'];

export default function ConnectionDetailPage({ resourceUri }: { resourceUri: string }) {
  const { assets: api } = useSession();
  const { query } = useLocation();
  const project = query.get('project');
  const [version, setVersion] = useState(0);
  // Bumped by a reveal, a rotation or a rollback: the credential reads to show again.
  const [reads, setReads] = useState(0);
  const connection = useLoad(
    async () =>
      (
        await api
          .withProject(project)
          .GET('/assets/data/{resource_uri}', { params: { path: { resource_uri: resourceUri } } })
      ).data as Connection,
    `${project}:${resourceUri}:${version}`,
  );
  // What the caller may do, to offer only that; the API still checks every call.
  const permissions = useLoad(
    async () =>
      (
        await api.withProject(project).GET('/assets/data/{resource_uri}/permissions', {
          params: { path: { resource_uri: resourceUri } },
        })
      ).data,
    `${project}:${resourceUri}`,
  );
  const may = permissions.data;
  const [report, setReport] = useState<Report | null>(null);
  const [verifyError, setVerifyError] = useState<unknown>(null);
  const [verifying, setVerifying] = useState(false);
  const verify = async () => {
    setVerifying(true);
    setVerifyError(null);
    try {
      const { data } = await api.withProject(project).POST('/assets/data/{resource_uri}/verify', {
        params: { path: { resource_uri: resourceUri } },
        body: {} as never,
      });
      setReport(data as Report);
      setVersion((v) => v + 1);
    } catch (error) {
      setVerifyError(error);
    } finally {
      setVerifying(false);
    }
  };

  const c = connection.data;
  const config = (c?.database_config ?? c?.storage_config ?? {}) as Record<string, unknown>;
  return (
    <section aria-labelledby="detail-title">
      <p>
        <Link href={hrefOf('/connections', { project })}>← Connections</Link>
      </p>
      <ErrorNotice error={connection.error} retry={connection.reload} />
      {connection.loading && !c && <p aria-live="polite">Loading…</p>}
      {c && (
        <>
          <div className="title-row">
            <h1 id="detail-title">{c.name}</h1>
            {may?.can_execute === false ? (
              <p className="muted small">
                You can see this connection; verifying it takes <code>can_execute</code>.
              </p>
            ) : (
              <button type="button" onClick={() => void verify()} disabled={verifying}>
                {verifying ? 'Verifying…' : 'Verify now'}
              </button>
            )}
          </div>
          {query.get('created') && (
            <p className="notice ok" role="status">
              Connection saved.
            </p>
          )}
          <div className="grid">
            <section aria-labelledby="meta-title" className="card">
              <h2 id="meta-title">Details</h2>
              <dl className="meta">
                <dt>Type</dt>
                <dd>{c.connection_type}</dd>
                <dt>Status</dt>
                <dd>
                  <Badge value={c.status} />
                </dd>
                <dt>Resource URI</dt>
                <dd>
                  <code>{c.resource_uri}</code>
                </dd>
                <dt>Description</dt>
                <dd>{c.description ?? '—'}</dd>
                <dt>Tags</dt>
                <dd>
                  {c.tags.length
                    ? c.tags.map((t) => (
                        <span key={t} className="tag">
                          {t}
                        </span>
                      ))
                    : '—'}
                </dd>
                <dt>Created</dt>
                <dd>
                  {new Date(c.created_at).toLocaleString()} by {c.created_by}
                </dd>
                <dt>Last verified</dt>
                <dd>
                  {c.last_verified_at
                    ? `${new Date(c.last_verified_at).toLocaleString()} · ${c.last_verification?.message ?? ''}`
                    : 'never'}
                </dd>
              </dl>
              <h3>Settings</h3>
              <pre className="config">{JSON.stringify(config, null, 2)}</pre>
            </section>
            <HealthPanel connection={c} project={project} version={version} />
            {Boolean(config.ssh_tunnel) && (
              <SshTunnelPanel
                resourceUri={c.resource_uri}
                project={project}
                tunnel={config.ssh_tunnel as SshTunnelSettings}
                seenFingerprint={
                  report?.details.error_code === 'ssh_hostkey_unapproved' ||
                  report?.details.error_code === 'ssh_hostkey_mismatch'
                    ? report.details.ssh_host_key_fingerprint
                    : undefined
                }
                onApproved={() => void verify()}
                mayManage={may?.can_manage_secrets}
                onChanged={() => {
                  setVersion((v) => v + 1);
                  setReads((r) => r + 1);
                }}
              />
            )}
            <RotationsPanel
              connection={c}
              config={config}
              project={project}
              onChanged={() => setReads((r) => r + 1)}
              mayRotate={may?.can_manage_secrets}
            />
            <RevealCredentials
              resourceUri={c.resource_uri}
              project={project}
              onRevealed={() => setReads((r) => r + 1)}
              mayReveal={may?.can_execute}
            />
            <SecretReadsPanel resourceUri={c.resource_uri} project={project} version={reads} />
          </div>
          <ErrorNotice error={verifyError} />
          {report && <VerifyReport report={report} />}
        </>
      )}
    </section>
  );
}
