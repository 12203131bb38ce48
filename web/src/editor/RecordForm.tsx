/**
 * The record form: what, when, where, who, the toll, sources, links, tags, visibility and the curators' note.
 * Errors come from the server's validation and sit beside their fields. For an imported record the dataset's
 * fields are shown but locked: curators add tags, links and a note, and set visibility (docs/curation.md).
 */
import { useEffect, useState } from 'react';
import type { DatePrecision, Kind, Tactic, TargetCategory } from '../../../src/core/record.ts';
import type { FieldError } from '../auth/api-write.ts';
import { datePrecisionLabels, tacticLabels, targetLabels } from '../model/labels.ts';
import { kindLabels } from '../model/kinds.ts';
import { ActorsField } from './ActorsField.tsx';
import { ChoiceList, Field, NumberInput, Select, TextInput } from './form-controls.tsx';
import { errorAt, errorsUnder, type FormRecord } from './form-model.ts';
import { LinksField } from './LinksField.tsx';
import { casualtySourceLabels } from './options.ts';
import { PlaceField } from './PlaceField.tsx';
import { SourcesField } from './SourcesField.tsx';

export interface RecordFormProps {
  value: FormRecord;
  onChange: (r: FormRecord) => void;
  errors: FieldError[];
  /** The dataset of an imported record, whose fields are then locked. */
  dataset?: string | null;
  selfId?: string;
  note: string;
  onNote: (note: string) => void;
  /** Why the visibility may not be changed here (a published record, for a role that may not publish). */
  visibilityLocked?: string;
}

type Casualties = FormRecord['killed'];

function CasualtyRow({ label, value, onChange, errors, prefix }: { label: string; value: Casualties; onChange: (c: Casualties) => void; errors: FieldError[]; prefix: string }) {
  return (
    <div className="ed-grid casualties">
      <NumberInput label={`${label}: low`} value={value.low} onChange={(v) => onChange({ ...value, low: v })} error={errorAt(errors, `${prefix}.low`)} />
      <NumberInput label={`${label}: best estimate`} value={value.best} onChange={(v) => onChange({ ...value, best: v })} error={errorAt(errors, `${prefix}.best`)} testId={`${prefix}-best`} />
      <NumberInput label={`${label}: high`} value={value.high} onChange={(v) => onChange({ ...value, high: v })} error={errorAt(errors, `${prefix}.high`)} />
    </div>
  );
}

/** The form. */
export function RecordForm({ value: r, onChange, errors, dataset, selfId, note, onNote, visibilityLocked }: RecordFormProps) {
  const set = (patch: Partial<FormRecord>) => onChange({ ...r, ...patch });
  const locked = Boolean(dataset);
  // The tags box keeps what is typed (a trailing comma included) and follows the record when it is replaced.
  const [tagText, setTagText] = useState(r.tags.join(', '));
  const parseTags = (text: string) => text.split(',').map((t) => t.trim()).filter(Boolean);
  useEffect(() => {
    if (JSON.stringify(parseTags(tagText)) !== JSON.stringify(r.tags)) setTagText(r.tags.join(', '));
    // Only a change of the record's tags from outside (a loaded or merged version) resets the text.
  }, [r.tags]);
  return (
    <div className="record-form">
      {locked && (
        <p className="notice" data-testid="imported-notice">
          Imported from <strong>{dataset}</strong>: its facts stay as the dataset says, and a re-import updates them. You can add tags, links
          and a note and set its visibility; they survive re-imports.
        </p>
      )}
      <fieldset className="form-section" disabled={locked}>
        <legend>What</legend>
        <div className="ed-grid">
          <Select<Kind> label="Kind" value={r.kind} options={kindLabels} onChange={(v) => v && set({ kind: v })} error={errorAt(errors, 'kind')} testId="kind" />
          <TextInput label="Subtype (the source's own words)" value={r.subtype} onChange={(v) => set({ subtype: v })} error={errorAt(errors, 'subtype')} />
          <TextInput
            label="Aimed at (country, ISO3)"
            value={r.targetCountry}
            onChange={(v) => set({ targetCountry: v ? v.toUpperCase() : null })}
            error={errorAt(errors, 'targetCountry')}
            placeholder="SWE"
            hint="for a plot, an arrest or an operation abroad: the country it was aimed at, if not where it happened"
            testId="target-country"
          />
        </div>
        <Field label="Description" error={errorAt(errors, 'description')}>
          {(id, describedBy) => <textarea id={id} rows={4} value={r.description} aria-describedby={describedBy} data-testid="description" onChange={(e) => set({ description: e.target.value })} />}
        </Field>
        <ChoiceList<TargetCategory> legend="Targets" values={r.targets} options={targetLabels} onChange={(v) => set({ targets: v })} error={errorsUnder(errors, 'targets')[0]?.message} />
        <ChoiceList<Tactic> legend="Tactics" values={r.tactics} options={tacticLabels} onChange={(v) => set({ tactics: v })} error={errorsUnder(errors, 'tactics')[0]?.message} />
      </fieldset>
      <fieldset className="form-section" disabled={locked}>
        <legend>When</legend>
        <div className="ed-grid">
          <TextInput label="Date (first day)" type="date" value={r.date} empty="" onChange={(v) => set({ date: v ?? '' })} error={errorAt(errors, 'date')} testId="date" />
          <Select<DatePrecision> label="Known to the" value={r.datePrecision} options={datePrecisionLabels} onChange={(v) => v && set({ datePrecision: v })} error={errorAt(errors, 'datePrecision')} />
          <TextInput label="Last day (if it lasted)" type="date" value={r.dateEnd} onChange={(v) => set({ dateEnd: v })} error={errorAt(errors, 'dateEnd')} />
        </div>
      </fieldset>
      <fieldset className="form-section-wrap" disabled={locked}>
        <PlaceField place={r.place} onChange={(place) => set({ place })} errors={errorsUnder(errors, 'place')} />
        <ActorsField actors={r.actors} onChange={(actors) => set({ actors })} errors={errorsUnder(errors, 'actors')} />
        <fieldset className="form-section">
          <legend>Toll</legend>
          <CasualtyRow label="Killed" value={r.killed} onChange={(killed) => set({ killed })} errors={errors} prefix="killed" />
          <CasualtyRow label="Wounded" value={r.wounded} onChange={(wounded) => set({ wounded })} errors={errors} prefix="wounded" />
          <Select label="Figures from" value={r.casualtySource} options={casualtySourceLabels} none="not said" onChange={(v) => set({ casualtySource: v })} error={errorAt(errors, 'casualtySource')} />
          <p className="muted small">Leave a figure empty when it is unknown: empty is unknown, 0 is none.</p>
        </fieldset>
        <SourcesField sources={r.sources} onChange={(sources) => set({ sources })} errors={errorsUnder(errors, 'sources')} />
      </fieldset>
      <LinksField links={r.links} onChange={(links) => set({ links })} errors={errorsUnder(errors, 'links')} {...(selfId ? { selfId } : {})} />
      <fieldset className="form-section">
        <legend>Tags, visibility and note</legend>
        <div className="ed-grid">
          <TextInput
            label="Tags (comma-separated)"
            value={tagText}
            empty=""
            testId="tags"
            onChange={(v) => {
              setTagText(v ?? '');
              set({ tags: parseTags(v ?? '') });
            }}
            error={errorsUnder(errors, 'tags')[0]?.message}
          />
          <Select
            label="Visibility"
            value={r.visibility}
            options={{ public: 'Public (once published)', internal: 'Internal (signed-in users only)' }}
            onChange={(v) => v && set({ visibility: v })}
            error={errorAt(errors, 'visibility')}
            disabled={Boolean(visibilityLocked)}
            {...(visibilityLocked ? { hint: visibilityLocked } : {})}
          />
        </div>
        <Field label="Curators' note (internal: never shown to readers)">
          {(id) => <textarea id={id} rows={2} value={note} data-testid="note" onChange={(e) => onNote(e.target.value)} />}
        </Field>
      </fieldset>
    </div>
  );
}
