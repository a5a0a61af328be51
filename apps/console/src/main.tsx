import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { completeSignIn, isCallback, rememberedOrg, signIn } from './auth.ts';
import { loadConsoleConfig } from './config.ts';
import { navigate } from './router.ts';
import { sessionOf } from './session.ts';
import { App } from './App.tsx';
import { SignInPage } from './pages/SignInPage.tsx';
import './styles.css';

const root = createRoot(document.getElementById('root')!);
const render = (node: React.ReactNode) => root.render(<StrictMode>{node}</StrictMode>);

async function start(): Promise<void> {
  const config = await loadConsoleConfig();
  if (isCallback()) {
    const { manager, user, returnTo } = await completeSignIn(config);
    navigate(returnTo, { replace: true });
    const name = (user.profile.preferred_username as string | undefined) ?? user.profile.sub;
    render(<App session={sessionOf(config, manager, rememberedOrg()!, name)} />);
    return;
  }
  const org = rememberedOrg();
  // Tokens live in memory only: after a reload, sign in again through the IdP's session (silent
  // when it is still open) and come back to this very URL.
  if (org) return signIn(config, org, window.location.pathname + window.location.search);
  render(<SignInPage config={config} />);
}

start().catch((error: unknown) => {
  render(
    <main className="page">
      <h1>The console could not start</h1>
      <p role="alert">{error instanceof Error ? error.message : String(error)}</p>
      <p>
        <a href={import.meta.env.BASE_URL}>Start again</a>
      </p>
    </main>,
  );
  sessionStorage.removeItem('console.org');
});
