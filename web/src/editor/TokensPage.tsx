/**
 * API tokens for scripts: create one (read or write), see it once, list and revoke them. The token is shown
 * only in the answer that created it; the server keeps a hash.
 */
import { useEffect, useState } from 'react';
import { apiGet, apiSend } from '../auth/api-write.ts';
import { PageHeading } from './PageHeading.tsx';

interface Token {
  id: string;
  name: string;
  scope: 'read' | 'write';
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export function TokensPage() {
  const [tokens, setTokens] = useState<Token[]>([]);
  const [name, setName] = useState('');
  const [scope, setScope] = useState<'read' | 'write'>('read');
  const [fresh, setFresh] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    apiGet<{ tokens: Token[] }>('auth/tokens').then((r) => setTokens(r.tokens), (e: unknown) => setError(String(e)));
  }, [version]);

  const create = async () => {
    try {
      const r = await apiSend<{ token: string }>('POST', 'auth/tokens', { name, scope });
      setFresh(r.token);
      setName('');
      setVersion((v) => v + 1);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <section className="tokens">
      <PageHeading>API tokens</PageHeading>
      <p className="muted">For scripts: send <code>Authorization: Bearer &lt;token&gt;</code>. A read token reads what you read; a write token may also change what you may change.</p>
      {fresh && (
        <p className="notice" role="status">
          Your new token (copy it now; it is not shown again): <code data-testid="new-token">{fresh}</code>
        </p>
      )}
      {error && <p className="error" role="alert">{error}</p>}
      <div className="ed-grid">
        <label>
          What it is for
          <input value={name} onChange={(e) => setName(e.target.value)} placeholder="nightly import" />
        </label>
        <label>
          Scope
          <select value={scope} onChange={(e) => setScope(e.target.value as 'read' | 'write')}>
            <option value="read">read</option>
            <option value="write">write</option>
          </select>
        </label>
        <button type="button" className="button primary" disabled={!name.trim()} onClick={() => void create()}>
          Create token
        </button>
      </div>
      <ul className="rows">
        {tokens.map((t) => (
          <li key={t.id} className="row">
            <span className="row-title">{t.name}</span>
            <span className="muted small">
              {t.scope} · created {new Date(t.createdAt).toLocaleDateString()} · {t.lastUsedAt ? `last used ${new Date(t.lastUsedAt).toLocaleString()}` : 'never used'}
              {t.revokedAt ? ' · revoked' : ''}
            </span>
            {!t.revokedAt && (
              <button type="button" className="link-button small" onClick={() => void apiSend('DELETE', `auth/tokens/${t.id}`).then(() => setVersion((v) => v + 1))}>
                Revoke
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
