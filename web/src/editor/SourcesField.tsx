/**
 * Sources: title, publisher, URL, date, type and reliability grade (A–F) for each. The URL is stored as typed;
 * the record panel links it only when it is http(s).
 */
import type { FieldError } from '../auth/api-write.ts';
import { Select, TextInput } from './form-controls.tsx';
import { errorAt, type FormRecord } from './form-model.ts';
import { reliabilityLabels, sourceTypeLabels } from './options.ts';

type Source = FormRecord['sources'][number];

const blankSource = (): Source => ({ title: '', publisher: null, url: null, date: null, type: 'media', reliability: null });

/** The sources section. */
export function SourcesField({ sources, onChange, errors }: { sources: Source[]; onChange: (s: Source[]) => void; errors: FieldError[] }) {
  const update = (i: number, patch: Partial<Source>) => onChange(sources.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const err = (i: number, f: string) => errorAt(errors, `sources.${i}.${f}`);
  return (
    <fieldset className="form-section">
      <legend>Sources</legend>
      {sources.map((s, i) => (
        <div key={i} className="source-row ed-grid" data-testid="source-row">
          <TextInput label="Title" value={s.title} empty="" onChange={(v) => update(i, { title: v ?? '' })} error={err(i, 'title')} testId="source-title" />
          <TextInput label="Publisher" value={s.publisher} onChange={(v) => update(i, { publisher: v })} error={err(i, 'publisher')} testId="source-publisher" />
          <TextInput label="URL" type="url" value={s.url} onChange={(v) => update(i, { url: v })} error={err(i, 'url')} placeholder="https://…" testId="source-url" />
          <TextInput label="Date" type="date" value={s.date} onChange={(v) => update(i, { date: v })} error={err(i, 'date')} testId="source-date" />
          <Select label="Type" value={s.type} options={sourceTypeLabels} onChange={(v) => v && update(i, { type: v })} error={err(i, 'type')} testId="source-type" />
          <Select label="Reliability" value={s.reliability} options={reliabilityLabels} none="not graded" onChange={(v) => update(i, { reliability: v })} error={err(i, 'reliability')} testId="source-reliability" />
          <button type="button" className="link-button small" onClick={() => onChange(sources.filter((_, j) => j !== i))}>
            Remove this source
          </button>
        </div>
      ))}
      <button type="button" className="button small" onClick={() => onChange([...sources, blankSource()])} data-testid="add-source">
        Add a source
      </button>
    </fieldset>
  );
}
