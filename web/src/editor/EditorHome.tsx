/** The editor's start page: what waits for review, the drafts, and any record found by keyword to edit. */
import { useState } from 'react';
import type { RecordPage } from '../api/types.ts';
import { apiGet } from '../auth/api-write.ts';
import type { Me } from '../auth/session.ts';
import { formatRecordDate } from '../model/format.ts';
import { kindLabels } from '../model/kinds.ts';
import { PageHeading } from './PageHeading.tsx';
import { ReviewQueue } from './ReviewQueue.tsx';
import { linkTo } from './routes.ts';
import { statusLabels } from './options.ts';
import { useSearch } from './use-search.ts';

export function EditorHome({ me }: { me: Me }) {
  const [query, setQuery] = useState('');
  const found = useSearch(query, (q) => apiGet<RecordPage>(`records?q=${encodeURIComponent(q)}&limit=20`).then((p) => p.records));
  return (
    <div className="editor-home">
      {/* The sections' headings say what the page holds; the page's own title is for screen readers. */}
      <PageHeading className="visually-hidden">Editor</PageHeading>
      <ReviewQueue me={me} status="review" title="Waiting for review" />
      <ReviewQueue me={me} status="draft" title="Drafts" />
      <section>
        <h2>Find a record to edit</h2>
        <input aria-label="Find a record by keyword" placeholder="Keywords…" value={query} onChange={(e) => setQuery(e.target.value)} data-testid="find-record" />
        <ul className="rows">
          {found.map((r) => {
            const path = `/editor/records/${encodeURIComponent(r.id)}`;
            return (
              <li key={r.id} className="row">
                <a className="row-title" href={path} onClick={linkTo(path)} dir="auto">
                  {kindLabels[r.kind]}, {formatRecordDate(r)}: {r.description.slice(0, 100)}
                </a>
                <span className="muted small">
                  {statusLabels[r.status]} · {r.provenance.dataset}
                </span>
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}
