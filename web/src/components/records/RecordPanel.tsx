/**
 * The full record: what happened, when (at its real precision), where (and how precisely), who (with role and
 * how the act is tied to them), the toll (ranges as ranges, unknown as unknown), every source, the records it is
 * linked to, its dataset with licence and attribution, and its revision history.
 */
import { useEffect, useRef } from 'react';
import { apiUrl } from '../../api/client.ts';
import type { DatasetInfo, RecordDetail } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { formatCasualties, formatDay, formatRecordDate } from '../../model/format.ts';
import { kindLabels } from '../../model/kinds.ts';
import { attributionLabels, placePrecisionLabels, roleLabels, tacticLabels, targetLabels, valueLabel } from '../../model/labels.ts';
import { KindBadge } from './KindBadge.tsx';
import { PlaceText } from './PlaceText.tsx';
import { SourceLink } from './SourceLink.tsx';
import { RecordChangeNotes, type ChangeNote } from '../../editor/ChangeNotes.tsx';
import { narrowScreen } from '../use-media-query.ts';

export interface RecordPanelProps {
  id: string;
  onClose: () => void;
  onOpen: (id: string) => void;
  countryName: (iso3: string) => string;
  /** Reports the record's coordinates so the map can mark it. */
  onLocated?: (point: { lon: number; lat: number; precision: string } | null) => void;
}

const relationLabels: Record<string, string> = { led_to: 'led to', claim_of: 'claim of', same_event: 'same event in another dataset', related: 'related' };

/** The panel. */
export function RecordPanel({ id, onClose, onOpen, countryName, onLocated }: RecordPanelProps) {
  const detail = useApi<RecordDetail>(apiUrl(`records/${encodeURIComponent(id)}`));
  const datasets = useApi<{ datasets: DatasetInfo[] }>(apiUrl('datasets'));
  const heading = useRef<HTMLHeadingElement>(null);
  const current = detail.dataUrl === apiUrl(`records/${encodeURIComponent(id)}`) ? detail.data : undefined;
  const r = current?.record;

  // Move focus to the record so keyboard and screen-reader users land on what they opened; on a phone, where
  // the panel is below the map, scroll to it as well.
  useEffect(() => {
    if (r) heading.current?.focus({ preventScroll: !window.matchMedia(narrowScreen).matches });
  }, [r?.id]);

  useEffect(() => {
    if (!onLocated) return;
    onLocated(r && r.place.lat !== null && r.place.lon !== null ? { lon: r.place.lon, lat: r.place.lat, precision: r.place.precision } : null);
  }, [r, onLocated]);

  // Escape anywhere closes the record, unless something else took it first (the actor suggestions, the Export
  // menu, the Embed dialog, the filters drawer call preventDefault): one Escape closes one thing.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && !e.defaultPrevented && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const dataset = r ? datasets.data?.datasets.find((d) => d.dataset === r.provenance.dataset) : undefined;

  return (
    <article className="record-panel" aria-labelledby="record-title" data-testid="record-panel">
      <div className="panel-head">
        <button type="button" className="link-button" onClick={onClose}>
          ← Back to the list
        </button>
        <button type="button" className="icon-button" onClick={onClose} aria-label="Close the record">
          ×
        </button>
      </div>
      {detail.error && !current && (
        <p className="error" role="alert">
          Could not load record {id}: {detail.error.message}
        </p>
      )}
      {!r && !detail.error && <p className="muted">Loading…</p>}
      {r && current && (
        <>
          <KindBadge kind={r.kind} subtype={r.subtype} />
          <h2 id="record-title" tabIndex={-1} ref={heading}>
            {kindLabels[r.kind]}, <PlaceText place={r.place} countryName={countryName} />
          </h2>
          <dl className="facts">
            <dt>When</dt>
            <dd>{formatRecordDate(r)}</dd>
            <dt>Where</dt>
            <dd>
              <PlaceText place={r.place} countryName={countryName} /> <span className="muted">({placePrecisionLabels[r.place.precision]})</span>
              {r.place.lat !== null && r.place.lon !== null && (
                <span className="muted small coords" dir="ltr">
                  {' '}
                  {r.place.lat.toFixed(3)}, {r.place.lon.toFixed(3)}
                </span>
              )}
            </dd>
            {r.targetCountry && r.targetCountry !== r.place.country && (
              <>
                <dt>Aimed at</dt>
                <dd>{countryName(r.targetCountry)}</dd>
              </>
            )}
            {r.actors.length > 0 && (
              <>
                <dt>Who</dt>
                <dd>
                  <ul className="actors">
                    {r.actors.map((a, i) => (
                      <li key={i}>
                        <bdi>{a.name}</bdi>
                        <span className="muted">
                          {' '}
                          — {roleLabels[a.role]}
                          {a.attribution !== 'unknown' ? `, ${attributionLabels[a.attribution].toLowerCase()}` : ''}
                        </span>
                      </li>
                    ))}
                  </ul>
                </dd>
              </>
            )}
            <dt>Killed</dt>
            <dd data-testid="killed">{formatCasualties(r.killed)}</dd>
            <dt>Wounded</dt>
            <dd>{formatCasualties(r.wounded)}</dd>
            {r.casualtySource && (
              <>
                <dt>Toll from</dt>
                <dd>{r.casualtySource === 'group_claim' ? "the group's own claim (not an independent count)" : r.casualtySource === 'official' ? 'officials' : 'an independent count'}</dd>
              </>
            )}
            {r.targets.length > 0 && (
              <>
                <dt>Targets</dt>
                <dd>{r.targets.map((t) => targetLabels[t]).join(', ')}</dd>
              </>
            )}
            {r.tactics.length > 0 && (
              <>
                <dt>Tactics</dt>
                <dd>{r.tactics.map((t) => tacticLabels[t]).join(', ')}</dd>
              </>
            )}
            {r.legal && (
              <>
                <dt>Case</dt>
                <dd dir="auto">{[r.legal.stage, r.legal.jurisdiction, r.legal.outcome].filter(Boolean).join(' · ')}</dd>
              </>
            )}
            {r.designation && (
              <>
                <dt>Designation</dt>
                <dd dir="auto">{[r.designation.action, r.designation.authority, r.designation.listedName].filter(Boolean).join(' · ')}</dd>
              </>
            )}
            {r.media && (
              <>
                <dt>Release</dt>
                <dd dir="auto">{[r.media.title, r.media.outlet, r.media.format, r.media.languages.join(', ')].filter(Boolean).join(' · ')}</dd>
              </>
            )}
          </dl>
          {r.description && (
            <p className="description" dir="auto">
              {r.description}
            </p>
          )}
          <section aria-labelledby="sources-title">
            <h3 id="sources-title">Sources</h3>
            {r.sources.length ? (
              <ul className="sources" data-testid="sources">
                {r.sources.map((s, i) => (
                  <SourceLink key={i} source={s} />
                ))}
              </ul>
            ) : (
              <p className="muted small">No source is recorded beyond the dataset.</p>
            )}
          </section>
          {current.linked.length > 0 && (
            <section aria-labelledby="linked-title">
              <h3 id="linked-title">Linked records</h3>
              <ul className="linked">
                {current.linked.map((l) => (
                  <li key={l.id}>
                    <span className="muted">{relationLabels[l.relation] ?? l.relation}: </span>
                    <button type="button" className="link-button" onClick={() => onOpen(l.id)} dir="auto">
                      {kindLabels[l.kind]}, {formatDay(l.date)} — {l.title}
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          )}
          <section aria-labelledby="dataset-title" className="provenance">
            <h3 id="dataset-title">Dataset</h3>
            <p className="small">
              <strong>{valueLabel('dataset', r.provenance.dataset)}</strong>
              {r.provenance.datasetVersion && ` ${r.provenance.datasetVersion}`}
              {r.provenance.originalId && <span className="muted"> · original id {r.provenance.originalId}</span>}
            </p>
            {(r.provenance.licence ?? dataset?.licence) && <p className="small">Licence: {r.provenance.licence ?? dataset?.licence}</p>}
            {(r.provenance.attribution ?? dataset?.attribution) && (
              <p className="small attribution" dir="auto">
                {r.provenance.attribution ?? dataset?.attribution}
              </p>
            )}
          </section>
          {current.history.length > 0 && (
            <details className="history">
              <summary>History ({current.history.length} revision{current.history.length === 1 ? '' : 's'})</summary>
              <ol>
                {current.history.map((h) => (
                  <li key={h.revision}>
                    Revision {h.revision}, {formatDay(h.at.slice(0, 10))} by {h.by}
                    {h.fields ? ` — changed ${h.fields.join(', ')}` : ' — created'}
                    {h.comment && <span dir="auto"> ({h.comment})</span>}
                  </li>
                ))}
              </ol>
            </details>
          )}
          <RecordChangeNotes record={r} notes={(current as { changeNotes?: ChangeNote[] }).changeNotes} />
          <p className="muted small record-id">Record {r.id}</p>
        </>
      )}
    </article>
  );
}
