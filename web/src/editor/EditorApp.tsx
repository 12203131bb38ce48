/**
 * The editor (`/editor/…`): sign in, then the start page, a new record, a record's form and history, the review
 * queue and API tokens. The explorer stays at `/`; the two share the session.
 */
import { useEffect } from 'react';
import { LoginForm } from '../auth/LoginForm.tsx';
import { signOut, useSession } from '../auth/session.ts';
import { EditorHome } from './EditorHome.tsx';
import { HistoryView } from './HistoryView.tsx';
import { RecordEditor } from './RecordEditor.tsx';
import { ReviewQueue } from './ReviewQueue.tsx';
import { linkTo, navigate, routePath, useRoute, type EditorRoute } from './routes.ts';
import { TokensPage } from './TokensPage.tsx';
import { ImportPage } from './ImportPage.tsx';
import { UsersPage } from './UsersPage.tsx';
import './editor.css';

const titles: Record<EditorRoute['page'], string> = { home: 'Editor', login: 'Sign in', new: 'New record', edit: 'Edit record', history: 'History', review: 'Review queue', tokens: 'API tokens', import: 'Import a file', users: 'Users' };

function NavLink({ to, children }: { to: EditorRoute; children: string }) {
  const path = routePath(to);
  return (
    <a href={path} onClick={linkTo(path)} aria-current={window.location.pathname === path ? 'page' : undefined}>
      {children}
    </a>
  );
}

/** The editor's root. */
export function EditorApp() {
  const route = useRoute();
  const me = useSession();
  useEffect(() => {
    document.title = `Sitrep — ${titles[route.page]}`;
  }, [route.page]);

  if (!me) return <p className="muted editor-loading">Loading…</p>;
  if (route.page === 'login' || !me.user) {
    const next = route.page === 'login' ? route.next : window.location.pathname + window.location.search;
    return (
      <main className="editor login-page">
        <LoginForm onDone={() => navigate(next, true)} />
      </main>
    );
  }
  return (
    <div className="editor">
      <nav className="editor-nav" aria-label="Editor">
        <a className="brand" href="/">
          Sitrep
        </a>
        <NavLink to={{ page: 'home' }}>Start</NavLink>
        {me.rights.edit && <NavLink to={{ page: 'new' }}>New record</NavLink>}
        {me.rights.edit && <NavLink to={{ page: 'review' }}>Review queue</NavLink>}
        {me.rights.import && <NavLink to={{ page: 'import' }}>Import</NavLink>}
        <NavLink to={{ page: 'tokens' }}>API tokens</NavLink>
        {me.rights.manageUsers && <NavLink to={{ page: 'users' }}>Users</NavLink>}
        <span className="spacer" />
        <span className="muted small" data-testid="signed-in-as">
          {me.user.name} ({me.user.role})
        </span>
        <button type="button" className="link-button small" onClick={() => void signOut().then(() => navigate('/editor/login?next=/editor'))}>
          Sign out
        </button>
      </nav>
      <main className="editor-main">
        {route.page === 'users' ? (
          me.rights.manageUsers ? <UsersPage me={me.user} /> : <p>Accounts are managed by administrators.</p>
        ) : !me.rights.edit && route.page !== 'tokens' ? (
          <p>
            As a {me.user.role} you read every published and archived record, internal ones included, on <a href="/">the map</a>; editing needs the
            editor role.
          </p>
        ) : route.page === 'new' ? (
          <RecordEditor key="new" me={me} />
        ) : route.page === 'edit' ? (
          <RecordEditor key={route.id} id={route.id} me={me} />
        ) : route.page === 'history' ? (
          <HistoryView id={route.id} me={me} />
        ) : route.page === 'review' ? (
          <ReviewQueue me={me} title="Review queue" level={1} />
        ) : route.page === 'tokens' ? (
          <TokensPage />
        ) : route.page === 'import' ? (
          me.rights.import ? <ImportPage /> : <p>Importing files is for reviewers and administrators: the records a dataset brings are published as it has them.</p>
        ) : (
          <EditorHome me={me} />
        )}
      </main>
    </div>
  );
}
