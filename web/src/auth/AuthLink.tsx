/** The header's account corner: "Sign in", or who is signed in with a way to the editor and out. */
import { signOut, useSession } from './session.ts';

/** The link. */
export function AuthLink() {
  const me = useSession();
  if (!me) return null;
  if (!me.user) {
    const next = encodeURIComponent(window.location.pathname + window.location.search);
    return (
      <a className="button auth-link" href={`/editor/login?next=${next}`} data-testid="sign-in">
        Sign in
      </a>
    );
  }
  return (
    <span className="auth-link">
      {me.rights.edit && (
        <a className="button" href="/editor" data-testid="open-editor">
          Editor
        </a>
      )}
      <span className="muted small" data-testid="signed-in-as">
        {me.user.name} ({me.user.role})
      </span>
      <button type="button" className="link-button small" onClick={() => void signOut().then(() => window.location.reload())}>
        Sign out
      </button>
    </span>
  );
}
