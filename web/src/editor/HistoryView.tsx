/**
 * A record's history: every revision, newest first, with who, when, why and a readable diff; any earlier
 * revision can be restored (as a new revision — nothing is ever rewritten).
 */
import { useEffect, useState } from 'react';
import type { EventRecord } from '../api/types.ts';
import { apiGet, apiSend, type RevisionChanges } from '../auth/api-write.ts';
import type { Me } from '../auth/session.ts';
import { DiffList } from './DiffList.tsx';
import { linkTo } from './routes.ts';
import { PageHeading } from './PageHeading.tsx';

export function HistoryView({ id, me }: { id: string; me: Me }) {
  const [revisions, setRevisions] = useState<RevisionChanges[] | null>(null);
  const [record, setRecord] = useState<EventRecord | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let live = true;
    Promise.all([apiGet<{ revisions: RevisionChanges[] }>(`records/${encodeURIComponent(id)}/history`), apiGet<{ record: EventRecord }>(`records/${encodeURIComponent(id)}`)]).then(
      ([h, d]) => live && (setRevisions(h.revisions), setRecord(d.record)),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [id, version]);

  const revert = async (revision: number) => {
    if (!record) return;
    try {
      await apiSend('POST', `records/${encodeURIComponent(id)}/revert`, { revision, baseRevision: record.revision });
      setVersion((v) => v + 1);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  if (error) return <p className="error" role="alert">{error}</p>;
  if (!revisions || !record) return <p className="muted">Loading…</p>;
  const editPath = `/editor/records/${encodeURIComponent(id)}`;
  return (
    <div className="history-view" data-testid="history">
      <header className="editor-page-head">
        <PageHeading>History</PageHeading>
        <span className="muted small">
          {record.id} ·{' '}
          <a href={editPath} onClick={linkTo(editPath)}>
            Back to the record
          </a>
        </span>
      </header>
      <ol className="revisions" reversed>
        {[...revisions].reverse().map((r) => (
          <li key={r.revision} className="revision" data-testid="revision" data-revision={r.revision}>
            <p>
              <strong>Revision {r.revision}</strong> · {new Date(r.at).toLocaleString()} · {r.by}
              {r.comment && <span className="muted"> — “{r.comment}”</span>}
            </p>
            {r.changes ? <DiffList changes={r.changes} /> : <p className="muted small">Created.</p>}
            {r.revision !== record.revision && me.rights.edit && (
              <button type="button" className="button small" onClick={() => void revert(r.revision)} data-testid={`revert-${r.revision}`}>
                Restore this version
              </button>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
