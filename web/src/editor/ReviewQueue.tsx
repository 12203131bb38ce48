/**
 * What waits for review, longest waiting first: each record with who submitted it and when, opened for a
 * closer look or published (or sent back) from here when the reviewer may.
 */
import { useEffect, useState } from 'react';
import type { EventRecord } from '../api/types.ts';
import { apiGet, apiSend } from '../auth/api-write.ts';
import type { Me } from '../auth/session.ts';
import { formatRecordDate } from '../model/format.ts';
import { kindLabels } from '../model/kinds.ts';
import { linkTo } from './routes.ts';

interface Item {
  record: EventRecord;
  submittedBy: string | null;
  submittedAt: string | null;
  comment: string | null;
  authors: string[];
  mayPublish: boolean;
}

export function ReviewQueue({ me, status = 'review' }: { me: Me; status?: 'review' | 'draft' }) {
  const [items, setItems] = useState<Item[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let live = true;
    apiGet<{ items: Item[] }>(`review-queue?status=${status}`).then((r) => live && setItems(r.items), (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [status, version]);

  const move = async (r: EventRecord, to: string) => {
    try {
      await apiSend('POST', `records/${encodeURIComponent(r.id)}/transition`, { to, baseRevision: r.revision });
      setVersion((v) => v + 1);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  if (!items) return <p className="muted">{error ?? 'Loading…'}</p>;
  return (
    <section className="review-queue" data-testid={`queue-${status}`}>
      {error && <p className="error" role="alert">{error}</p>}
      {items.length === 0 && <p className="muted">{status === 'review' ? 'Nothing waits for review.' : 'No drafts.'}</p>}
      <ul className="rows">
        {items.map(({ record: r, submittedBy, submittedAt, comment, mayPublish }) => {
          const path = `/editor/records/${encodeURIComponent(r.id)}`;
          return (
            <li key={r.id} className="row queue-item" data-testid="queue-item" data-record-id={r.id}>
              <a className="row-title" href={path} onClick={linkTo(path)} dir="auto">
                {kindLabels[r.kind]}, {formatRecordDate(r)}: {r.description.slice(0, 100) || '(no description)'}
              </a>
              <span className="muted small">
                {submittedBy ? `${status === 'review' ? 'submitted' : 'last changed'} by ${submittedBy}, ${new Date(submittedAt!).toLocaleString()}` : `revision ${r.revision}`}
                {comment ? ` — “${comment}”` : ''}
              </span>
              {status === 'review' && me.moves.review?.includes('published') && (
                <button type="button" className="button small primary" disabled={!mayPublish} title={mayPublish ? undefined : 'You wrote this content: another reviewer must publish it'} onClick={() => void move(r, 'published')} data-testid="publish">
                  Publish
                </button>
              )}
              {status === 'review' && (
                <button type="button" className="button small" onClick={() => void move(r, 'draft')}>
                  Send back
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
