/**
 * The canonical record as a flat table row (CSV export and import) and as a GeoJSON feature. Export writes
 * exactly what import reads, so a store exported as CSV or NDJSON and imported elsewhere is identical.
 */
import { CellError } from './errors.ts';
import type { EventRecord } from './record.ts';

/** CSV columns in order; nested lists travel as JSON in one cell, enum lists `;`-joined. */
export const tableColumns = [
  'id', 'kind', 'subtype', 'date', 'dateEnd', 'datePrecision', 'country', 'admin1', 'admin2', 'locality', 'lat', 'lon',
  'placePrecision', 'targetCountry', 'actors', 'targets', 'tactics', 'killedLow', 'killedBest', 'killedHigh',
  'woundedLow', 'woundedBest', 'woundedHigh', 'casualtySource', 'description', 'sources', 'links', 'tags', 'media', 'legal',
  'designation', 'dataset', 'datasetVersion', 'originalId', 'importedAt', 'licence', 'attribution', 'status', 'visibility',
  'revision',
] as const;
export type TableColumn = (typeof tableColumns)[number];

const str = (v: unknown) => (v == null ? '' : String(v));
const json = (v: unknown) => (v == null || (Array.isArray(v) && !v.length) ? '' : JSON.stringify(v));

/** Flattens a record into cells, in `tableColumns` order. */
export function recordToRow(r: EventRecord): string[] {
  const cells: Record<TableColumn, string> = {
    id: r.id, kind: r.kind, subtype: str(r.subtype), date: r.date, dateEnd: str(r.dateEnd), datePrecision: r.datePrecision,
    country: str(r.place.country), admin1: str(r.place.admin1), admin2: str(r.place.admin2), locality: str(r.place.locality),
    lat: str(r.place.lat), lon: str(r.place.lon), placePrecision: r.place.precision, targetCountry: str(r.targetCountry),
    actors: json(r.actors), targets: r.targets.join(';'), tactics: r.tactics.join(';'),
    killedLow: str(r.killed.low), killedBest: str(r.killed.best), killedHigh: str(r.killed.high),
    woundedLow: str(r.wounded.low), woundedBest: str(r.wounded.best), woundedHigh: str(r.wounded.high),
    casualtySource: str(r.casualtySource), description: r.description, sources: json(r.sources), links: json(r.links),
    tags: json(r.tags), media: json(r.media), legal: json(r.legal), designation: json(r.designation),
    dataset: r.provenance.dataset, datasetVersion: str(r.provenance.datasetVersion), originalId: str(r.provenance.originalId),
    importedAt: str(r.provenance.importedAt), licence: str(r.provenance.licence), attribution: str(r.provenance.attribution),
    status: r.status, visibility: r.visibility, revision: String(r.revision),
  };
  return tableColumns.map((c) => cells[c]);
}

/** Reads a row (by column name) back into record input, to be validated with `parseRecord`. */
export function rowToRecordInput(row: Readonly<Record<string, string | undefined>>): Record<string, unknown> {
  const get = (c: TableColumn) => row[c] ?? '';
  const opt = (c: TableColumn) => (get(c) === '' ? null : get(c));
  const num = (c: TableColumn) => {
    const v = get(c);
    if (v === '') return null;
    const n = Number(v);
    if (!Number.isFinite(n)) throw new CellError(c, v, `expected a number, got ${JSON.stringify(v.slice(0, 40))}`);
    return n;
  };
  const parsed = (c: TableColumn, empty: unknown) => {
    const v = get(c);
    if (v === '') return empty;
    try {
      return JSON.parse(v);
    } catch {
      throw new CellError(c, v, `expected JSON, got ${JSON.stringify(v.slice(0, 40))}`);
    }
  };
  const list = (c: TableColumn) => (get(c) === '' ? [] : get(c).split(';'));
  return {
    id: get('id'), kind: get('kind'), subtype: opt('subtype'), date: get('date'), dateEnd: opt('dateEnd'), datePrecision: get('datePrecision'),
    place: {
      country: opt('country'), admin1: opt('admin1'), admin2: opt('admin2'), locality: opt('locality'),
      lat: num('lat'), lon: num('lon'), precision: get('placePrecision'),
    },
    targetCountry: opt('targetCountry'),
    actors: parsed('actors', []), targets: list('targets'), tactics: list('tactics'),
    killed: { low: num('killedLow'), best: num('killedBest'), high: num('killedHigh') },
    wounded: { low: num('woundedLow'), best: num('woundedBest'), high: num('woundedHigh') },
    casualtySource: opt('casualtySource'), description: get('description'),
    sources: parsed('sources', []), links: parsed('links', []), tags: parsed('tags', []),
    media: parsed('media', null), legal: parsed('legal', null), designation: parsed('designation', null),
    provenance: {
      dataset: get('dataset'), datasetVersion: opt('datasetVersion'), originalId: opt('originalId'),
      importedAt: opt('importedAt'), licence: opt('licence'), attribution: opt('attribution'),
    },
    status: get('status') || undefined, visibility: get('visibility') || undefined,
    revision: row.revision ? num('revision') : undefined,
  };
}

/**
 * Spreadsheets run cells that start with `=`, `+`, `-`, `@` (or a tab/CR) as formulas. Export prefixes such text
 * with `'`, and text that already starts with `'` plus one of those gets one more, so `restoreCell` undoes it exactly.
 */
export function neutralizeCell(cell: string): string {
  return /^'*[=+\-@\t\r]/.test(cell) && !/^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(cell) ? `'${cell}` : cell;
}

/** Inverse of `neutralizeCell`. */
export function restoreCell(cell: string): string {
  return /^'+[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

const numericColumns = new Set<TableColumn>(['lat', 'lon', 'killedLow', 'killedBest', 'killedHigh', 'woundedLow', 'woundedBest', 'woundedHigh', 'revision']);

/** A record as a GeoJSON feature: a point where the place has coordinates, null geometry otherwise. */
export function recordToFeature(r: EventRecord) {
  const { lat, lon } = r.place;
  // Flat properties, the table's columns: GIS tools (QGIS, GDAL) read nested objects as text, and could not style
  // or filter on `killed.best`. Numbers stay numbers, an unknown value is null.
  const row = recordToRow(r);
  const properties = Object.fromEntries(tableColumns.map((c, i) => [c, row[i] === '' ? null : numericColumns.has(c) ? Number(row[i]) : row[i]]));
  return {
    type: 'Feature' as const,
    id: r.id,
    geometry: lat != null && lon != null ? { type: 'Point' as const, coordinates: [lon, lat] } : null,
    properties,
  };
}
