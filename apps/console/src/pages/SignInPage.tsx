import { useState } from 'react';
import { signIn } from '../auth.ts';
import type { ConsoleConfig } from '../config.ts';

/** The organization is the realm to sign in to; `?org=` fills it in (a link from an invitation, say). */
export function SignInPage({ config }: { config: ConsoleConfig }) {
  const params = new URLSearchParams(window.location.search);
  const [org, setOrg] = useState(params.get('org') ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const returnTo = params.get('return_to') ?? import.meta.env.BASE_URL;
    await signIn(config, org.trim(), returnTo).catch((e: unknown) => {
      setError(e instanceof Error ? e.message : String(e));
      setBusy(false);
    });
  };
  return (
    <main className="signin">
      <form className="card" onSubmit={submit} aria-labelledby="signin-title">
        <h1 id="signin-title">Sign in to Assets</h1>
        <label htmlFor="org">Organization</label>
        <input
          id="org"
          name="org"
          autoFocus
          required
          autoComplete="organization"
          value={org}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'org-error' : undefined}
          onChange={(e) => setOrg(e.target.value)}
        />
        {error && (
          <p id="org-error" className="field-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy || !org.trim()}>
          {busy ? 'Redirecting…' : 'Continue'}
        </button>
      </form>
    </main>
  );
}
