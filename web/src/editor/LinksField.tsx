/**
 * Links to other records (a plot led to arrests; a claim of an attack; the same event in another dataset),
 * found by searching the records the editor can see.
 */
import { useEffect, useState } from 'react';
import type { EventRecord, RecordPage } from '../api/types.ts';
import { apiGet, type FieldError } from '../auth/api-write.ts';
import { formatRecordDate } from '../model/format.ts';
import { kindLabels } from '../model/kinds.ts';
import { Combobox } from './Combobox.tsx';
import { Select } from './form-controls.tsx';
import { errorAt, type FormRecord } from './form-model.ts';
import { relationLabels } from './options.ts';
import { useSearch } from './use-search.ts';

type Link = FormRecord['links'][number];

const title = (r: EventRecord) => `${kindLabels[r.kind]}, ${formatRecordDate(r)} — ${r.description.slice(0, 80)}`;

/** The links section; `selfId` is left out of the search. */
export function LinksField({ links, onChange, errors, selfId }: { links: Link[]; onChange: (l: Link[]) => void; errors: FieldError[]; selfId?: string }) {
  const [query, setQuery] = useState('');
  const [titles, setTitles] = useState<Record<string, string>>({});
  const found = useSearch(query, (q) => apiGet<RecordPage>(`records?q=${encodeURIComponent(q)}&limit=8`).then((p) => p.records.filter((r) => r.id !== selfId)));
  // Links loaded with the record are named by id only: look their titles up once.
  const unnamed = links.map((l) => l.recordId).filter((id) => !titles[id]);
  useEffect(() => {
    if (!unnamed.length) return;
    let live = true;
    apiGet<RecordPage>(`records?${unnamed.map((id) => `id=${encodeURIComponent(id)}`).join('&')}&limit=100`).then(
      (p) => live && setTitles((t) => ({ ...t, ...Object.fromEntries(p.records.map((r) => [r.id, title(r)])) })),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [unnamed.join(' ')]);
  const add = (r: EventRecord) => {
    if (!links.some((l) => l.recordId === r.id)) onChange([...links, { recordId: r.id, relation: 'related' }]);
    setTitles({ ...titles, [r.id]: title(r) });
    setQuery('');
  };
  return (
    <fieldset className="form-section">
      <legend>Linked records</legend>
      {links.length > 0 && (
        <ul className="rows">
          {links.map((l, i) => (
            <li key={`${l.recordId}-${i}`} className="row" data-testid="link-row">
              <span className="row-title" dir="auto">
                {titles[l.recordId] ?? l.recordId} <span className="muted small">({l.recordId})</span>
              </span>
              <Select label="Relation" value={l.relation} options={relationLabels} onChange={(v) => v && onChange(links.map((x, j) => (j === i ? { ...x, relation: v } : x)))} />
              {errorAt(errors, `links.${i}.recordId`) && <span className="field-error">{errorAt(errors, `links.${i}.recordId`)}</span>}
              <button type="button" className="link-button small" onClick={() => onChange(links.filter((_, j) => j !== i))}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <Combobox<EventRecord>
        id="link-search"
        label="Link a record (search by keyword)"
        placeholder="Keywords from its description, place or actors…"
        testId="link-search"
        optionTestId="link-suggestion"
        listLabel="Records"
        query={query}
        onQuery={setQuery}
        options={found}
        optionKey={(r) => r.id}
        renderOption={(r) => (
          <>
            <span dir="auto">{title(r)}</span> <span className="muted small">{r.id}</span>
          </>
        )}
        onChoose={add}
      />
    </fieldset>
  );
}
