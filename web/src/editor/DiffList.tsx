/**
 * A readable diff of one revision: each changed field with what it was and what it became, values written
 * plainly (empty as "—", lists and objects as short text), never as raw markup.
 */
import type { RevisionChanges } from '../auth/api-write.ts';
import { ColumnHeads } from './form-controls.tsx';

/** A value as a person reads it. */
export function showValue(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) {
    if (!v.length) return '—';
    return v.map((x) => (x && typeof x === 'object' ? Object.values(x).filter((y) => y !== null && y !== '').join(' · ') : String(x))).join('; ');
  }
  return Object.entries(v as Record<string, unknown>).filter(([, y]) => y !== null).map(([k, y]) => `${k}: ${showValue(y)}`).join(', ');
}

/** Field paths in words (`killed.best` → `killed (best estimate)`). */
export function showField(field: string): string {
  const names: Record<string, string> = {
    'killed.best': 'killed (best estimate)', 'killed.low': 'killed (low)', 'killed.high': 'killed (high)',
    'wounded.best': 'wounded (best estimate)', 'wounded.low': 'wounded (low)', 'wounded.high': 'wounded (high)',
    'place.locality': 'town', 'place.admin1': 'province', 'place.admin2': 'district', 'place.country': 'country',
    'place.lat': 'latitude', 'place.lon': 'longitude', 'place.precision': 'place precision', datePrecision: 'date precision',
    dateEnd: 'last day', note: "curators' note",
  };
  return names[field] ?? field;
}

const isTextList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/**
 * A change as two cells. A list of words (tags, targets, tactics) shows what left it and what joined it, not both
 * lists whole: one tag added to ten reads as that tag.
 */
export function diffCells(c: NonNullable<RevisionChanges['changes']>[number]): { was: string; became: string; kept?: number } {
  if (!isTextList(c.old) || !isTextList(c.new) || !c.old.length || !c.new.length) return { was: showValue(c.old), became: showValue(c.new) };
  const [before, after] = [new Set(c.old), new Set(c.new)];
  const removed = c.old.filter((x) => !after.has(x));
  const added = c.new.filter((x) => !before.has(x));
  return { was: removed.length ? `removed: ${removed.join('; ')}` : '—', became: added.length ? `added: ${added.join('; ')}` : '—', kept: c.new.length - added.length };
}

/** The changes of one revision as a table. */
export function DiffList({ changes }: { changes: NonNullable<RevisionChanges['changes']> }) {
  return (
    <table className="diff" data-testid="diff">
      <ColumnHeads columns={['Field', 'Was', 'Became']} />
      <tbody>
        {changes.map((c, i) => {
          const { was, became, kept } = diffCells(c);
          return (
            <tr key={i} data-field={c.field}>
              <th scope="row">
                {showField(c.field)}
                {kept ? <span className="muted small"> ({kept} kept)</span> : null}
              </th>
              <td className="old" dir="auto">
                {was}
              </td>
              <td className="new" dir="auto">
                {became}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
