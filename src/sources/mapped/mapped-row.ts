/**
 * One table row + a mapping → one record. The mapping is compiled against the header once (column positions,
 * regular expressions, glob maps, date parsers); each row then fills a draft in two passes: plain fields first,
 * then the place is completed and the actors resolved, because resolving a name needs the row's country and date.
 */
import { CellError } from '../../core/errors.ts';
import { createHash } from 'node:crypto';
import { iso3FromCountryName } from '../../core/countries.ts';
import {
  attributions, casualtySources, datePrecisions, kinds, placePrecisions, reliabilities, sourceTypes, statuses,
  tactics as tacticList, targetCategories, visibilities,
  type Attribution, type DatePrecision, type EventRecordInput, type Kind, type Tactic, type TargetCategory,
} from '../../core/record.ts';
import type { ImportContext } from '../source-format.ts';
import { SourceError } from '../source-format.ts';
import { parseActorList, cleanName } from './mapped-actors.ts';
import { parseCount, type Count } from './mapped-counts.ts';
import { dateParser, settleDate, type DateResult, type ParsedDate } from './mapped-dates.ts';
import { completePlace, parseLocalityCountry, type PlaceDraft } from './mapped-place.ts';
import { globMap, listItems, normaliseKey, numberCell, vocabulary, type GlobMap } from './mapped-values.ts';
import { mappingIdColumns, type ColumnSpec, type Mapping } from './mapping-schema.ts';

interface Column {
  name: string;
  /** Position in the row; -1 for an optional column the file lacks. */
  index: number;
  spec: ColumnSpec;
  strip?: RegExp;
  values?: GlobMap<string>;
  kind?: GlobMap<Kind>;
  tactics?: GlobMap<Tactic[]>;
  targets?: GlobMap<TargetCategory[]>;
  date?: (v: string) => DateResult;
  attributionIndex?: number;
}

/** A mapping bound to one file's header. */
export interface BoundMapping {
  mapping: Mapping;
  columns: Column[];
  idIndices: number[];
  headerLength: number;
}

const norm = (s: string) => s.trim().toLowerCase();

/** Binds `mapping` to `header`; a column the mapping needs but the header lacks is a `SourceError`. */
export function bindMapping(mapping: Mapping, header: readonly string[], file: string): BoundMapping {
  const position = new Map<string, number>();
  header.forEach((h, i) => position.has(norm(h)) || position.set(norm(h), i));
  const missing: string[] = [];
  const at = (name: string, optional = false) => {
    const i = position.get(norm(name));
    if (i === undefined && !optional) missing.push(name);
    return i ?? -1;
  };
  const columns = Object.entries(mapping.columns).map(([name, spec]): Column => ({
    name,
    index: at(name, spec.optional),
    spec,
    strip: spec.strip ? new RegExp(spec.strip, 'g') : undefined,
    values: spec.values ? globMap(spec.values) : undefined,
    kind: spec.kind ? globMap(spec.kind) : undefined,
    tactics: spec.tactics ? globMap(spec.tactics) : undefined,
    targets: spec.targets ? globMap(spec.targets) : undefined,
    date: spec.to === 'date' || spec.to === 'dateEnd' || spec.to === 'source.date' ? dateParser(spec.formats ?? ['yyyy-MM-dd']) : undefined,
    attributionIndex: typeof spec.attribution === 'object' ? at(spec.attribution.column) : undefined,
  }));
  const idIndices = mappingIdColumns(mapping).map((c) => at(c));
  if (missing.length) {
    throw new SourceError(
      `the header lacks ${[...new Set(missing)].map((m) => `"${m}"`).join(', ')}, named in the mapping; the header has ${header.map((h) => `"${h.trim()}"`).join(', ')}`,
      file, 1,
    );
  }
  return { mapping, columns, idIndices, headerLength: header.length };
}

interface Draft {
  kind?: Kind;
  mappedKind?: Kind;
  subtype?: string;
  date?: ParsedDate;
  dateColumn?: string;
  dateEnd?: string;
  datePrecision?: DatePrecision;
  place: PlaceDraft;
  targetCountry?: string;
  targets: Set<TargetCategory>;
  tactics: Set<Tactic>;
  tags: Set<string>;
  killed: Count;
  wounded: Count;
  casualtySource?: (typeof casualtySources)[number];
  description: string[];
  source: { title?: string; publisher?: string; url?: string; date?: string; type?: (typeof sourceTypes)[number]; reliability?: (typeof reliabilities)[number] };
  status?: (typeof statuses)[number];
  visibility?: (typeof visibilities)[number];
}

/** Maps one row (already padded to the header). Throws `CellError` for a cell that cannot be imported. */
export function mapRow(bound: BoundMapping, cells: readonly string[], context: ImportContext): EventRecordInput {
  const { mapping } = bound;
  const defaults = mapping.defaults ?? {};
  const d: Draft = {
    place: { country: null, admin1: null, admin2: null, locality: null, lat: null, lon: null, precision: null },
    targets: new Set(defaults.targets), tactics: new Set(defaults.tactics), tags: new Set(defaults.tags),
    killed: { low: null, best: null, high: null }, wounded: { low: null, best: null, high: null },
    description: [], source: {},
  };
  const cellOf = (c: Column) => {
    const raw = c.index < 0 ? '' : (cells[c.index] ?? '');
    return (c.strip ? raw.replace(c.strip, '') : raw).trim();
  };
  for (const c of bound.columns) {
    const raw = cellOf(c);
    d.mappedKind ??= c.kind?.first(raw);
    for (const list of c.tactics?.all(raw) ?? []) for (const t of list) d.tactics.add(t);
    for (const list of c.targets?.all(raw) ?? []) for (const t of list) d.targets.add(t);
    // Actors wait for the place and the date, which their resolution depends on.
    if (!raw || !c.spec.to || c.spec.to === 'ignore' || c.spec.to === 'actors') continue;
    setField(d, c, c.values?.first(raw) ?? raw);
  }

  const kind = d.kind ?? d.mappedKind ?? defaults.kind;
  if (!kind) throw new CellError('(kind)', '', 'no kind: map a column to "kind", give a "kind" value map, or set defaults.kind');
  if (!d.date) {
    const col = bound.columns.find((c) => c.spec.to === 'date');
    throw new CellError(col?.name ?? '(date)', '', col ? 'no date: the cell is empty' : 'no date: map a column to "date"');
  }
  const when = settleDate(d.date, { precision: d.datePrecision, dateEnd: d.dateEnd, fallback: defaults.datePrecision, importedAt: context.importedAt });
  if (!when.ok) throw new CellError(d.dateColumn ?? '(date)', when.value, when.reason);
  const { date, dateEnd, datePrecision } = when;
  if (defaults.country && !d.place.country) d.place.country = country(defaults.country, 'defaults.country');
  const place = completePlace(d.place, context.places, defaults.placePrecision ?? 'locality');

  const actors = bound.columns
    .filter((c) => c.spec.to === 'actors')
    .flatMap((c) => rowActors(c, cellOf(c), cells, { dataset: mapping.dataset, country: place.country, admin1: place.admin1, date }, d.tags, context, defaults.attribution));
  const originalId = rowId(bound, cells);
  const sources = [
    ...(d.source.title || d.source.url ? [{ ...d.source, title: d.source.title ?? d.source.publisher ?? d.source.url!, type: d.source.type ?? 'media' }] : []),
    ...(defaults.source ? [defaults.source] : []),
  ];
  return {
    id: `${mapping.dataset}:${originalId}`,
    kind,
    subtype: d.subtype ?? defaults.subtype ?? null,
    date, dateEnd, datePrecision,
    place,
    targetCountry: d.targetCountry ?? null,
    actors,
    targets: [...d.targets],
    tactics: [...d.tactics],
    killed: d.killed,
    wounded: d.wounded,
    casualtySource: d.casualtySource ?? defaults.casualtySource ?? null,
    description: d.description.join('\n'),
    sources,
    tags: [...d.tags],
    provenance: {
      dataset: mapping.dataset, datasetVersion: mapping.datasetVersion ?? null, originalId, importedAt: context.importedAt,
      licence: mapping.licence, attribution: mapping.attribution ?? null,
    },
    status: d.status ?? defaults.status ?? 'published',
    visibility: d.visibility ?? defaults.visibility ?? 'public',
  };
}

function setField(d: Draft, c: Column, v: string): void {
  const col = c.name;
  const to = c.spec.to!;
  switch (to) {
    case 'kind': d.kind = vocabulary(v, kinds, col, 'record kind'); return;
    case 'subtype': d.subtype ??= v; return;
    case 'date': case 'dateEnd': case 'source.date': {
      const r = c.date!(v);
      if (!r.ok) throw new CellError(col, v, r.reason);
      if (to === 'date') [d.date, d.dateColumn] = [r.value, col];
      else if (to === 'dateEnd') d.dateEnd = r.value.dateEnd ?? r.value.date;
      else d.source.date = r.value.date;
      return;
    }
    case 'datePrecision': d.datePrecision = vocabulary(v, datePrecisions, col, 'date precision'); return;
    case 'place': {
      const p = parseLocalityCountry(v);
      d.place.locality ??= p.locality;
      d.place.country ??= p.country;
      return;
    }
    case 'place.country': d.place.country = country(v, col); return;
    case 'targetCountry': d.targetCountry = country(v, col); return;
    case 'place.admin1': d.place.admin1 ??= v; return;
    case 'place.admin2': d.place.admin2 ??= v; return;
    case 'place.locality': d.place.locality ??= v; return;
    case 'place.lat': d.place.lat = numberCell(v, col, { min: -90, max: 90, what: 'a latitude' }); return;
    case 'place.lon': d.place.lon = numberCell(v, col, { min: -180, max: 180, what: 'a longitude' }); return;
    case 'place.precision': d.place.precision = vocabulary(v, placePrecisions, col, 'place precision'); return;
    case 'targets': for (const t of listItems(v, c.spec.separator)) d.targets.add(vocabulary(t, targetCategories, col, 'target category')); return;
    case 'tactics': for (const t of listItems(v, c.spec.separator)) d.tactics.add(vocabulary(t, tacticList, col, 'tactic')); return;
    case 'tags': for (const t of listItems(v, c.spec.separator)) d.tags.add(t.slice(0, 300)); return;
    case 'killed': case 'wounded': {
      if (c.spec.parse === 'number') {
        d[to].best = numberCell(v, col, { min: 0, max: 10_000_000, what: 'a number of people' });
        return;
      }
      const r = parseCount(v, to);
      if (!r.ok) throw new CellError(col, v, r.reason);
      Object.assign(d[to], r.value);
      for (const t of r.tags) d.tags.add(t);
      for (const t of r.tactics) d.tactics.add(t);
      return;
    }
    case 'killed.low': case 'killed.high': case 'wounded.low': case 'wounded.high': {
      const [field, bound] = to.split('.') as ['killed' | 'wounded', 'low' | 'high'];
      d[field][bound] = numberCell(v, col, { min: 0, max: 10_000_000, what: 'a number of people' });
      return;
    }
    case 'casualtySource': d.casualtySource = vocabulary(v, casualtySources, col, 'casualty source'); return;
    case 'description': d.description.push(v); return;
    case 'source.title': d.source.title = v; return;
    case 'source.publisher': d.source.publisher = v; return;
    case 'source.url': d.source.url = v; return;
    case 'source.type': d.source.type = vocabulary(v, sourceTypes, col, 'source type'); return;
    case 'source.reliability': d.source.reliability = vocabulary(v.toUpperCase(), reliabilities, col, 'reliability grade'); return;
    case 'status': d.status = vocabulary(v, statuses, col, 'status'); return;
    case 'visibility': d.visibility = vocabulary(v, visibilities, col, 'visibility'); return;
    case 'actors': case 'ignore': return;
  }
}

function country(v: string, col: string): string {
  const iso3 = iso3FromCountryName(v);
  if (!iso3) throw new CellError(col, v, 'not a country this importer knows: give an ISO 3166-1 code (AFG) or an English name');
  return iso3;
}

function rowActors(
  c: Column, raw: string, cells: readonly string[], where: { dataset: string; country: string | null; admin1: string | null; date: string },
  tags: Set<string>, context: ImportContext, defaultAttribution: Attribution | undefined,
) {
  if (!raw) return [];
  const role = c.spec.role ?? 'perpetrator';
  let fallback: Attribution = defaultAttribution ?? 'unknown';
  if (typeof c.spec.attribution === 'string') fallback = c.spec.attribution;
  else if (c.spec.attribution && c.attributionIndex! >= 0) {
    const v = (cells[c.attributionIndex!] ?? '').trim();
    if (v) fallback = vocabulary(v, attributions, c.spec.attribution.column, 'attribution');
  }
  const resolveWhole = (name: string) => context.resolveActor(name, where);
  const resolve = c.spec.match === 'mentions' ? (name: string) => resolveWhole(name) ?? resolveMention(name, resolveWhole) : resolveWhole;
  if (c.spec.parse === 'actor-list') {
    const parsed = parseActorList(raw, resolve, fallback);
    for (const t of parsed.tags) tags.add(t);
    return parsed.actors.map((a) => ({ ...a, name: a.name.slice(0, 500), role }));
  }
  const names = c.spec.parse === 'list' ? listItems(raw, c.spec.separator) : [raw];
  return names.map(cleanName).filter(Boolean).map((name) => ({ name: name.slice(0, 500), actorId: resolve(name) ?? null, role, attribution: fallback }));
}

/**
 * `match: mentions`: a label such as `ISKP-linked Central Asian network` names no group, but mentions one. Runs of
 * up to five words are tried, longest and leftmost first; single words must be at least two letters long. Words
 * that qualify an attribution are left out, so `(ISKP or ISPP) suspected` does not resolve `ISPP suspected` ahead
 * of the rest.
 */
function resolveMention(label: string, resolve: (name: string) => string | undefined): string | undefined {
  const words = label.split(/[^\p{L}\p{N}']+/u).filter((w) => w && !/^(?:suspected|claimed|alleged)$/i.test(w));
  for (let n = Math.min(5, words.length); n >= 1; n--) {
    for (let i = 0; i + n <= words.length; i++) {
      const run = words.slice(i, i + n).join(' ');
      if (n === 1 && run.length < 2) continue;
      const id = resolve(run);
      if (id) return id;
    }
  }
  return undefined;
}

/** The original id: a column (no white space allowed), or the SHA-1 of the normalised key columns. */
function rowId(bound: BoundMapping, cells: readonly string[]): string {
  const id = bound.mapping.id;
  const values = bound.idIndices.map((i) => cells[i] ?? '');
  if (typeof id === 'object' && 'hash' in id) {
    if (values.every((v) => !v.trim())) throw new CellError(id.hash.join('+'), '', 'every key column is empty: nothing identifies the row');
    return createHash('sha1').update(values.map(normaliseKey).join('\u001f')).digest('hex');
  }
  const column = typeof id === 'string' ? id : id.column;
  const v = values[0]!.trim();
  if (!v) throw new CellError(column, v, 'the id is empty');
  if (/\s/.test(v)) throw new CellError(column, v, 'the id contains white space; ids must be one word (use { hash: [columns] } instead)');
  return v;
}
