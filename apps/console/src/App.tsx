import { lazy, Suspense } from 'react';
import { SessionContext, type Session } from './session.ts';
import { hrefOf, useLocation } from './router.ts';
import { ProjectSwitcher } from './components/ProjectSwitcher.tsx';
import { Link } from './components/Link.tsx';
import { signOut } from './auth.ts';

// One chunk per page: the first load fetches only the page it shows.
const ConnectionsPage = lazy(() => import('./pages/ConnectionsPage.tsx'));
const CreateConnectionPage = lazy(() => import('./pages/CreateConnectionPage.tsx'));
const ConnectionDetailPage = lazy(() => import('./pages/ConnectionDetailPage.tsx'));
const StoragePage = lazy(() => import('./pages/StoragePage.tsx'));
const MembersPage = lazy(() => import('./pages/MembersPage.tsx'));
const AuditLogPage = lazy(() => import('./pages/AuditLogPage.tsx'));

function Page() {
  const { path } = useLocation();
  if (path === '/' || path === '/connections') return <ConnectionsPage />;
  if (path === '/connections/new') return <CreateConnectionPage />;
  if (path === '/storage') return <StoragePage />;
  if (path === '/members') return <MembersPage />;
  if (path === '/audit') return <AuditLogPage />;
  const detail = /^\/connections\/([^/]+)$/.exec(path);
  if (detail) return <ConnectionDetailPage resourceUri={decodeURIComponent(detail[1]!)} />;
  return (
    <section>
      <h1>Not found</h1>
      <p>
        Nothing lives at this address. <Link href={hrefOf('/connections')}>Back to connections</Link>
      </p>
    </section>
  );
}

export function App({ session }: { session: Session }) {
  const { path, query } = useLocation();
  const project = query.get('project');
  const current = (target: string) => (path === target ? 'page' : undefined);
  return (
    <SessionContext.Provider value={session}>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <Link className="brand" href={hrefOf('/connections', { project })}>
          Assets
        </Link>
        <ProjectSwitcher />
        <nav aria-label="Main">
          <Link href={hrefOf('/connections', { project })} aria-current={current('/connections')}>
            Connections
          </Link>
          <Link href={hrefOf('/connections/new', { project })} aria-current={current('/connections/new')}>
            New connection
          </Link>
          <Link href={hrefOf('/storage', { project })} aria-current={current('/storage')}>
            Storage
          </Link>
          <Link href={hrefOf('/members', { project })} aria-current={current('/members')}>
            Members
          </Link>
          <Link href={hrefOf('/audit', { project })} aria-current={current('/audit')}>
            Audit log
          </Link>
        </nav>
        <span className="who" aria-label="Signed in as">
          {session.userName} · {session.org}
        </span>
        <button type="button" className="secondary" onClick={() => void signOut(session.manager)}>
          Sign out
        </button>
      </header>
      <main id="main" className="page" tabIndex={-1}>
        <Suspense fallback={<p aria-live="polite">Loading…</p>}>
          <Page />
        </Suspense>
      </main>
    </SessionContext.Provider>
  );
}
