import type { assets } from '@sdk';
import { Badge } from './Badge.tsx';

export type Report = assets.components['schemas']['VerificationReportDto'];

/** Each step the server took (resolve, connect, tls, authenticate, discover…) and what it found. */
export function VerifyReport({ report }: { report: Report }) {
  return (
    <section className="report" aria-labelledby="report-title">
      <h2 id="report-title">
        Verification {report.success ? 'succeeded' : 'failed'}{' '}
        <span className="muted">({report.latency_ms} ms)</span>
      </h2>
      <p role="status">{report.message}</p>
      <ol className="steps">
        {report.steps.map((step) => (
          <li key={step.name}>
            <Badge value={step.status} /> <strong>{step.name}</strong>{' '}
            <span className="muted">{step.latency_ms} ms</span>
            <div className="small wrap">{step.message}</div>
          </li>
        ))}
      </ol>
      {report.details.server_version && <p className="small">Server: {report.details.server_version}</p>}
      {report.details.warnings.map((warning) => (
        <p key={warning} className="notice warn">
          {warning}
        </p>
      ))}
    </section>
  );
}
