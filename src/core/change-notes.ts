/**
 * Public change notes: when what readers were told about a published record changes — its casualties, date,
 * place or kind — they are told so, e.g. `casualties corrected on 2024-03-02: 5 → 7 killed`.
 *
 * Notes compare only the record's **public** states (published and public): each time the record is public after
 * a revision, it is compared with the last state that was public before. Whatever it went through in between —
 * drafts, review, an internal spell — never appears in a note, so a note tells readers nothing they were not, or
 * are not now, shown.
 *
 * @example
 * publicChangeNotes(record, history)
 * // [{ revision: 4, date: '2024-03-02', field: 'casualties', text: 'casualties corrected on 2024-03-02: 5 → 7 killed' }]
 */
import type { Revision } from './event-store.ts';
import { publicScope, readsEverything, readsRecord, type AccessScope } from './filter.ts';
import type { Casualties, EventRecord } from './record.ts';
import { replayRevisions } from './revision-replay.ts';

export const noteFields = ['casualties', 'date', 'place', 'kind'] as const;

export interface ChangeNote {
  /** The revision that made the changed record public. */
  revision: number;
  /** When, as `YYYY-MM-DD`. */
  date: string;
  field: (typeof noteFields)[number];
  text: string;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** `5`, `3–8`, `at least 3`, `unknown`. */
function count(c: Casualties): string {
  if (c.best != null) return String(c.best);
  if (c.low != null && c.high != null) return `${c.low}–${c.high}`;
  if (c.low != null) return `at least ${c.low}`;
  if (c.high != null) return `at most ${c.high}`;
  return 'unknown';
}

function when(r: EventRecord): string {
  const day = r.datePrecision === 'month' ? r.date.slice(0, 7) : r.datePrecision === 'year' ? r.date.slice(0, 4) : r.date;
  const week = r.datePrecision === 'week' ? `week of ${r.date}` : day;
  return r.dateEnd && r.datePrecision === 'day' && r.dateEnd !== r.date ? `${r.date} to ${r.dateEnd}` : week;
}

function where(r: EventRecord): string {
  const p = r.place;
  const names = [p.locality, p.admin2, p.admin1, p.country].filter(Boolean).join(', ');
  return names || 'unknown';
}

const coordinates = (r: EventRecord) => (r.place.lat == null ? 'no coordinates' : `${r.place.lat}, ${r.place.lon}`);

/** The notes between two public states of a record. */
function notesBetween(before: EventRecord, after: EventRecord, revision: number, date: string): ChangeNote[] {
  const notes: ChangeNote[] = [];
  const note = (field: ChangeNote['field'], change: string) => notes.push({ revision, date, field, text: `${field} corrected on ${date}: ${change}` });
  if (!same(before.kind, after.kind)) note('kind', `${before.kind} → ${after.kind}`);
  if (!same([before.date, before.dateEnd, before.datePrecision], [after.date, after.dateEnd, after.datePrecision])) note('date', `${when(before)} → ${when(after)}`);
  if (!same(before.place, after.place)) {
    const [a, b] = [where(before), where(after)];
    note('place', a !== b ? `${a} → ${b}` : `${a}: ${coordinates(before)} → ${coordinates(after)}`);
  }
  const parts: string[] = [];
  if (!same(before.killed, after.killed)) parts.push(`${count(before.killed)} → ${count(after.killed)} killed`);
  if (!same(before.wounded, after.wounded)) parts.push(`${count(before.wounded)} → ${count(after.wounded)} wounded`);
  if (parts.length) note('casualties', parts.join(', '));
  return notes;
}

/** The public change notes of a record, oldest first, from its current state and its history. */
export function publicChangeNotes(current: EventRecord, history: readonly Revision[]): ChangeNote[] {
  const notes: ChangeNote[] = [];
  let lastPublic: EventRecord | undefined;
  for (const state of replayRevisions(current, history)) {
    if (!readsRecord(publicScope, state.record)) continue;
    if (lastPublic) notes.push(...notesBetween(lastPublic, state.record, state.revision, state.at.slice(0, 10)));
    lastPublic = state.record;
  }
  return notes;
}

/** One revision as a caller sees it in a history (the values of its changes are only for those who read drafts). */
export interface ScopedRevision {
  revision: number;
  at: string;
  by: string;
  /** The editor's comment, only on revisions after which the caller could read the record; null otherwise. */
  comment: string | null;
  /** Fields changed (the curators' internal note left out for those who may not read drafts); null for the first. */
  fields: string[] | null;
}

/**
 * The history as `scope` sees it, oldest first. Callers who read every state of a record (editors and above) get
 * every comment and field. Others (anonymous readers: published and public; viewers: no drafts, nothing in review)
 * get which fields each revision changed, and the editors' comments only where they could read the record after
 * the revision — a comment written while it was a draft may describe draft content. Old and new values are never
 * here: the history route adds them for those who read everything.
 */
export function scopedHistory(scope: AccessScope, current: EventRecord, history: readonly Revision[]): ScopedRevision[] {
  const everything = readsEverything(scope);
  const readableAfter = everything ? undefined : new Map(replayRevisions(current, history).map((s) => [s.revision, readsRecord(scope, s.record)]));
  return [...history]
    .sort((a, b) => a.revision - b.revision)
    .map((h) => ({
      revision: h.revision,
      at: h.at,
      by: h.by,
      comment: !readableAfter || readableAfter.get(h.revision) ? h.comment : null,
      fields: h.changes ? [...new Set(h.changes.map((c) => c.field))].filter((f) => everything || f !== 'note') : null,
    }));
}
