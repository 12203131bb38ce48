/** The sign-in form: name and password, the server's refusal shown as it is (wrong password, throttled). */
import { useState, type FormEvent } from 'react';
import { WriteError } from './api-write.ts';
import { signIn } from './session.ts';

/** The form; `onDone` runs once signed in. */
export function LoginForm({ onDone }: { onDone: () => void }) {
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(name, password);
      setPassword('');
      onDone();
    } catch (err) {
      setError(err instanceof WriteError ? err.message : 'could not reach the server');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="login-form" onSubmit={(e) => void submit(e)} aria-labelledby="login-title">
      <h1 id="login-title">Sign in to edit</h1>
      <label>
        User name
        <input name="username" autoComplete="username" value={name} onChange={(e) => setName(e.target.value)} required autoFocus />
      </label>
      <label>
        Password
        <input name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
      </label>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button primary" disabled={busy}>
        {busy ? 'Signing in…' : 'Sign in'}
      </button>
      <p className="muted small">
        No account? An administrator adds users with <code>sitrep users add</code>. <a href="/">Back to the map</a>
      </p>
    </form>
  );
}
