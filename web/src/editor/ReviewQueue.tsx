/**
 * What waits for review, longest waiting first: each record with who submitted it and when, opened for a
 * closer look or published (or sent back) from here when the reviewer may — which the list then says, moving
 * focus to the next record waiting (or to its heading when none is left).
 */
import { useEffect, useId, useState } from 'react';
import type { EventRecord } from '../api/types.ts';
import { apiGet, apiSend } from '../auth/api-write.ts';
import type { Me } from '../auth/session.ts';
import { useFocusAfterRemoval } from '../components/use-focus-after-removal.ts';
import { formatRecordDate } from '../model/format.ts';
import { kindLabels } from '../model/kinds.ts';
import { PageHeading } from './PageHeading.tsx';
import { linkTo } from './routes.ts';

interface Item {
  record: EventRecord;
  submittedBy: string | null;
  submittedAt: string | null;
  comment: string | null;
  authors: string[];
  mayPublish: boolean;
}

/** A record in a line: its kind, date and the start of its description. */
const describe = (r: EventRecord) => `${kindLabels[r.kind]}, ${formatRecordDate(r)}: ${r.description.slice(0, 100) || '(no description)'}`;

/** What the list says after a move, by the status moved to. */
const done: Record<string, string> = { published: 'Published', draft: 'Sent back to the drafts' };

/** The list under its heading: the page's own (`level` 1, the review page) or a section's (the start page). */
export function ReviewQueue({ me, status = 'review', title, level = 2 }: { me: Me; status?: 'review' | 'draft'; title: string; level?: 1 | 2 }) {
  const [items, setItems] = useState<Item[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [said, setSaid] = useState('');
  const [version, setVersion] = useState(0);
  const headingId = useId();
  const { list, removing } = useFocusAfterRemoval<HTMLUListElement>('.row-title', () => document.getElementById(headingId)?.focus());
  useEffect(() => {
    let live = true;
    apiGet<{ items: Item[] }>(`review-queue?status=${status}`).then((r) => live && setItems(r.items), (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [status, version]);

  const move = async (r: EventRecord, to: string, index: number) => {
    try {
      await apiSend('POST', `records/${encodeURIComponent(r.id)}/transition`, { to, baseRevision: r.revision });
      // Out of the list at once (a moved record no longer waits here), then the list as the server has it now.
      removing(index);
      setItems((all) => all && all.filter((i) => i.record.id !== r.id));
      setSaid(`${done[to] ?? `Moved to ${to}`}: ${describe(r)}.`);
      setVersion((v) => v + 1);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <section className="review-queue" aria-labelledby={headingId} data-testid={`queue-${status}`}>
      {level === 1 ? (
        <PageHeading id={headingId}>{title}</PageHeading>
      ) : (
        <h2 id={headingId} tabIndex={-1}>
          {title}
        </h2>
      )}
      {/* Always on the page, so that a message put in it is read out. */}
      <p className="small" role="status">
        {said}
      </p>
      {error && <p className="error" role="alert">{error}</p>}
      {!items && !error && <p className="muted">Loading…</p>}
      {items?.length === 0 && <p className="muted">{status === 'review' ? 'Nothing waits for review.' : 'No drafts.'}</p>}
      <ul className="rows" ref={list}>
        {items?.map(({ record: r, submittedBy, submittedAt, comment, mayPublish }, index) => {
          const path = `/editor/records/${encodeURIComponent(r.id)}`;
          return (
            <li key={r.id} className="row queue-item" data-testid="queue-item" data-record-id={r.id}>
              <a className="row-title" href={path} onClick={linkTo(path)} dir="auto">
                {describe(r)}
              </a>
              <span className="muted small">
                {submittedBy ? `${status === 'review' ? 'submitted' : 'last changed'} by ${submittedBy}, ${new Date(submittedAt!).toLocaleString()}` : `revision ${r.revision}`}
                {comment ? ` — “${comment}”` : ''}
              </span>
              {status === 'review' && me.moves.review?.includes('published') && (
                <button type="button" className="button small primary" disabled={!mayPublish} title={mayPublish ? undefined : 'You wrote this content: another reviewer must publish it'} onClick={() => void move(r, 'published', index)} data-testid="publish">
                  Publish
                </button>
              )}
              {status === 'review' && (
                <button type="button" className="button small" onClick={() => void move(r, 'draft', index)}>
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
