/**
 * Accounts for administrators (`/editor/users`): every user with their role, add one, change a role, disable or
 * enable, set a new password; and the audit log (sign-ins that failed, administrative actions, imports). The same
 * as `sitrep users` on the server's machine, through `/api/users` and `/api/audit`.
 */
import { useEffect, useState } from 'react';
import type { AuditEntry, User } from '../../../src/core/account-store.ts';
import type { Role } from '../../../src/core/roles.ts';
import { apiGet, apiSend } from '../auth/api-write.ts';
import { accountRoleLabels, accountRoles } from './options.ts';
import { ColumnHeads } from './form-controls.tsx';
import { PageHeading } from './PageHeading.tsx';

export function UsersPage({ me }: { me: User }) {
  const [users, setUsers] = useState<User[]>([]);
  const [audit, setAudit] = useState<AuditEntry[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('editor');
  const [password, setPassword] = useState('');
  /** The user whose new password is being typed. */
  const [resetting, setResetting] = useState<string | null>(null);
  const [newPassword, setNewPassword] = useState('');

  useEffect(() => {
    apiGet<{ users: User[] }>('users').then((r) => setUsers(r.users), (e: unknown) => setError(String(e)));
    apiGet<{ entries: AuditEntry[] }>('audit?limit=100').then((r) => setAudit(r.entries), (e: unknown) => setError(String(e)));
  }, [version]);

  /** Runs a change, then shows `done` (or what the server refused) and reloads the lists; true when it was made. */
  const change = async (request: () => Promise<unknown>, done: string): Promise<boolean> => {
    setError(null);
    setNotice(null);
    try {
      await request();
      setNotice(done);
      return true;
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      return false;
    } finally {
      setVersion((v) => v + 1);
    }
  };
  const patch = (user: User, body: Record<string, unknown>, done: string) => change(() => apiSend('PATCH', `users/${encodeURIComponent(user.name)}`, body), done);

  return (
    <section className="users">
      <PageHeading>Users</PageHeading>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <h2>Add a user</h2>
      <div className="ed-grid">
        <label>
          Name
          <input value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" data-testid="new-user-name" />
        </label>
        <label>
          Role
          <select value={role} onChange={(e) => setRole(e.target.value as Role)} data-testid="new-user-role">
            {accountRoles.map((r) => (
              <option key={r} value={r}>
                {accountRoleLabels[r]}
              </option>
            ))}
          </select>
        </label>
        <label>
          First password (they can be told it; reset it here)
          <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" data-testid="new-user-password" />
        </label>
        <button
          type="button"
          className="button primary"
          disabled={!name.trim() || !password}
          onClick={() =>
            void change(() => apiSend('POST', 'users', { name: name.trim(), role, password }), `Added ${name.trim().toLowerCase()} (${role}).`).then((made) => {
              if (!made) return;
              setName('');
              setPassword('');
            })
          }
        >
          Add user
        </button>
      </div>
      <h2>Everyone</h2>
      <table className="diff users-table">
        <ColumnHeads columns={['name', 'role', 'state', 'since', <span className="visually-hidden">actions</span>]} />
        <tbody>
          {users.map((u) => (
            <tr key={u.id} data-testid={`user-${u.name}`}>
              <td>{u.name}</td>
              <td>
                <select aria-label={`Role of ${u.name}`} value={u.role} onChange={(e) => void patch(u, { role: e.target.value }, `${u.name} is now ${e.target.value}.`)}>
                  {accountRoles.map((r) => (
                    <option key={r} value={r}>
                      {r}
                    </option>
                  ))}
                </select>
              </td>
              <td>{u.disabled ? 'disabled' : 'active'}</td>
              <td>{new Date(u.createdAt).toLocaleDateString()}</td>
              <td>
                {u.id !== me.id && (
                  <button type="button" className="link-button small" onClick={() => void patch(u, { disabled: !u.disabled }, `${u.name} is ${u.disabled ? 'enabled' : 'disabled'}.`)}>
                    {u.disabled ? 'Enable' : 'Disable'}
                  </button>
                )}
                {resetting === u.name ? (
                  <span className="reset-password">
                    <input type="password" aria-label={`New password for ${u.name}`} value={newPassword} onChange={(e) => setNewPassword(e.target.value)} autoComplete="new-password" />
                    <button
                      type="button"
                      className="link-button small"
                      disabled={!newPassword}
                      onClick={() => void patch(u, { password: newPassword }, `${u.name} has a new password; their sessions ended.`).then((made) => made && setResetting(null))}
                    >
                      Save
                    </button>
                    <button type="button" className="link-button small" onClick={() => setResetting(null)}>
                      Cancel
                    </button>
                  </span>
                ) : (
                  <button
                    type="button"
                    className="link-button small"
                    onClick={() => {
                      setResetting(u.name);
                      setNewPassword('');
                    }}
                  >
                    Set password
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Audit log</h2>
      <table className="diff">
        <ColumnHeads columns={['when', 'who', 'what', 'on', 'detail']} />
        <tbody data-testid="audit-log">
          {audit.map((a, i) => (
            <tr key={`${a.at}-${i}`}>
              <td>{new Date(a.at).toLocaleString()}</td>
              <td>
                {a.actor ?? '—'}
                {a.address ? <span className="muted small"> {a.address}</span> : null}
              </td>
              <td>{a.action}</td>
              <td dir="auto">{a.target ?? ''}</td>
              <td dir="auto">{a.detail ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
