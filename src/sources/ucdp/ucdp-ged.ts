/**
 * UCDP Georeferenced Event Dataset (GED) CSV: the raw 19.1 and 22.1+ layouts, HDX country exports (with `iso3`
 * and an HXL tag row) and the monthly candidate files. Columns are found by header name, never by position,
 * because every release reorders them (19.1 has `low,best,high`, 22.1+ `best,high,low`).
 */
import { CellError } from '../../core/errors.ts';
import type { SourceFormat, SourceItem, TextInput } from '../source-format.ts';
import { SourceError } from '../source-format.ts';
import { csvRows, headerHas } from '../text-rows.ts';
import { ucdpRecord, type UcdpFileInfo } from './ucdp-row.ts';

/** Columns every GED layout has and the mapping needs. */
const requiredColumns = [
  'id', 'type_of_violence', 'side_a', 'side_b', 'date_start', 'date_end', 'where_prec', 'latitude', 'longitude', 'best',
] as const;
/** Columns that together tell a GED file from any other CSV (some other dataset may share `id` or `latitude`). */
const signatureColumns = ['type_of_violence', 'side_a_new_id', 'side_b_new_id', 'where_prec', 'date_prec', 'dyad_name'] as const;

const normalise = (cells: readonly string[]) => cells.map((c) => c.trim().toLowerCase());

/**
 * The release the file holds, as honestly as can be told: from the file name when it follows UCDP's naming
 * (`ged231.csv` → 23.1, `GEDEvent_v26_0_7.csv` → 26.0.7-candidate), otherwise from the layout only.
 */
export function ucdpVersion(fileName: string, header: readonly string[], candidate: boolean): string {
  const monthly = /gedevent_v(\d+)_(\d+)_(\d+)/i.exec(fileName);
  if (monthly) return `${monthly[1]}.${monthly[2]}.${monthly[3]}-candidate`;
  const annual = /gedevent_v(\d+)_(\d+)(?![_\d])/i.exec(fileName) ?? /(?:^|[^a-z0-9])ged(\d{2})(\d)(?!\d)/i.exec(fileName);
  if (annual) return `${annual[1]}.${annual[2]}${candidate ? '-candidate' : ''}`;
  if (candidate) return 'GED candidate, 22.1+ layout';
  return header.includes('relid') ? 'GED 22.1+ layout' : 'GED 19.1 layout';
}

/** An HDX tag row (`#date+year`, `#geo+lat`…): every non-empty cell starts with `#`. */
function isHxlRow(cells: readonly string[]): boolean {
  let tagged = false;
  for (const c of cells) {
    const t = c.trim();
    if (!t) continue;
    if (!t.startsWith('#')) return false;
    tagged = true;
  }
  return tagged;
}

/** UCDP GED event CSV (CC BY 4.0). */
export const ucdpGed: SourceFormat = {
  name: 'ucdp',
  description: 'UCDP Georeferenced Event Dataset (GED) CSV: raw releases 19.1 and 22.1+, HDX country exports, monthly candidate files',
  dataset: 'ucdp',
  repeatedId: { column: 'id', hint: 'UCDP GED gives each event one id; a repeated row (remove one of the two)' },
  detect: ({ head }) => headerHas(head, signatureColumns),
  async *read(input: TextInput, context): AsyncIterable<SourceItem> {
    let header: string[] | undefined;
    let index = new Map<string, number>();
    let versions: Record<'annual' | 'candidate', UcdpFileInfo> | undefined;
    for await (const { line, cells } of csvRows(input)) {
      if (!header) {
        header = normalise(cells);
        const missing = requiredColumns.filter((c) => !header!.includes(c));
        if (missing.length || !(header.includes('iso3') || header.includes('country_id'))) {
          const lacks = [...missing, ...(header.includes('iso3') || header.includes('country_id') ? [] : ['country_id or iso3'])];
          throw new SourceError(`not a UCDP GED CSV: the header lacks ${lacks.join(', ')}; expected the columns of a GED release (id, relid, year, …, best, high, low)`, input.fileName, line);
        }
        index = new Map(header.map((h, i) => [h, i]));
        versions = {
          annual: { version: ucdpVersion(input.fileName, header, false) },
          candidate: { version: ucdpVersion(input.fileName, header, true) },
        };
        continue;
      }
      if (isHxlRow(cells) || cells.every((c) => !c.trim())) continue;
      if (cells.length !== header.length) {
        yield { ok: false, rejection: { file: input.fileName, line, reason: `${cells.length} cells where the header has ${header.length}; the row is cut or has an unquoted comma` } };
        continue;
      }
      const cell = (column: string) => {
        const i = index.get(column);
        return i === undefined ? '' : cells[i]!.trim();
      };
      // Candidate files write active_year as true/false; annual releases as 1/0.
      const candidate = /^(true|false)$/i.test(cell('active_year'));
      try {
        yield { ok: true, line, record: ucdpRecord(cell, versions![candidate ? 'candidate' : 'annual'], context) };
      } catch (e) {
        if (!(e instanceof CellError)) throw e;
        yield { ok: false, rejection: { file: input.fileName, line, column: e.column, value: e.value.slice(0, 80), reason: e.message } };
      }
    }
    if (!header) throw new SourceError('the file is empty; expected a UCDP GED CSV with a header row', input.fileName);
  },
};
