/**
 * GDELT event files: tab-separated, no header, 57 fields (1.0 backfile), 58 (1.0 daily) or 61 (2.0). The layout
 * is told per line because 1.0 extracts mix the first two. Only the CAMEO codes Sitrep tracks are imported;
 * everything else GDELT codes (statements, visits, aid…) is skipped without a rejection. Machine-coded, so every
 * record lands in `review`.
 */
import { iso3FromFips } from '../../core/countries.ts';
import { isValidIsoDate, type EventRecordInput, type PlacePrecision } from '../../core/record.ts';
import type { ImportContext, SourceFormat, SourceItem, TextInput } from '../source-format.ts';
import { SourceError } from '../source-format.ts';
import { textLines } from '../text-rows.ts';
import { cameoMeaning, defaultGdeltCodes, targetsFromTypes } from './gdelt-cameo.ts';

/** Where the fields after the shared first 35 sit; 2.0 added ADM2Code to each geo block. */
interface Layout {
  dataset: 'gdelt' | 'gdelt1';
  version: '1.0' | '2.0';
  actionGeo: number;
  hasAdm2: boolean;
  dateAdded: number;
  sourceUrl?: number;
}

const layouts: Record<number, Layout> = {
  57: { dataset: 'gdelt1', version: '1.0', actionGeo: 49, hasAdm2: false, dateAdded: 56 },
  58: { dataset: 'gdelt1', version: '1.0', actionGeo: 49, hasAdm2: false, dateAdded: 56, sourceUrl: 57 },
  61: { dataset: 'gdelt', version: '2.0', actionGeo: 51, hasAdm2: true, dateAdded: 59, sourceUrl: 60 },
};

// Fields 0–34 are the same in every layout.
const F = {
  id: 0, sqlDate: 1, actor1: 5, actor2: 15, isRoot: 25, eventCode: 26, rootCode: 28, quad: 29, goldstein: 30,
  mentions: 31, sources: 32, articles: 33,
} as const;
// Within an actor block of 10 fields: Code, Name, CountryCode, KnownGroupCode, EthnicCode, Religion1, Religion2, Type1–3.
const actorFieldNames = ['code', 'name', 'country', 'group', 'ethnic', 'religion1', 'religion2', 'type1', 'type2', 'type3'] as const;

export const gdeltLicence = 'GDELT – free and open';
export const gdeltAttribution = 'The GDELT Project (gdeltproject.org)';

/** A bad field, turned into a rejection by the reader. */
class FieldError extends Error {
  constructor(readonly column: string, readonly value: string, reason: string) {
    super(reason);
  }
}

/** The codes to import: `context.options.gdeltRootCodes` (a list or a comma-separated string) or the defaults. */
export function gdeltCodes(options: Readonly<Record<string, unknown>>, file: string): readonly string[] {
  const given = options.gdeltRootCodes;
  if (given == null) return defaultGdeltCodes;
  const list = typeof given === 'string' ? given.split(',') : Array.isArray(given) ? given : [given];
  const codes = list.map((c) => String(c).trim()).filter(Boolean);
  const bad = codes.find((c) => !/^\d{2,4}$/.test(c));
  if (bad !== undefined || !codes.length) {
    throw new SourceError(`gdeltRootCodes "${bad ?? ''}" is not a CAMEO code; give root codes such as 18,19,20,14 or longer codes such as 173`, file);
  }
  return codes;
}

/** GDELT 1.0 and 2.0 event exports (TSV without a header). */
export const gdeltEvents: SourceFormat = {
  name: 'gdelt',
  description: 'GDELT event files, 1.0 (57/58 fields) and 2.0 (61 fields), tab-separated without a header; imports assaults, fights, mass violence, protests and arrests',
  // 1.0 and 2.0 rows carry different datasets (their id spaces may overlap), so each record names its own.
  dataset: undefined,
  repeatedId: { column: 'GlobalEventID', hint: 'GDELT gives each event one GlobalEventID; the same event file given twice, or files joined with an overlap' },
  detect: ({ head }) => {
    const fields = head.split('\n', 1)[0]!.replace(/\r$/, '').split('\t');
    return fields.length in layouts && /^\d+$/.test(fields[0]!) && /^\d{8}$/.test(fields[1]!);
  },
  async *read(input: TextInput, context): AsyncIterable<SourceItem> {
    const codes = gdeltCodes(context.options, input.fileName);
    const translingual = /translation/i.test(input.fileName);
    let seen = false;
    for await (const { line, text } of textLines(input)) {
      if (!text.trim()) continue;
      const fields = text.split('\t');
      const layout = layouts[fields.length];
      if (!seen && !layout) {
        // A whole file of the wrong shape (a mentions or GKG file, a CSV) is one error, not a rejection per line.
        throw new SourceError(`not a GDELT event file: the first row has ${fields.length} tab-separated fields, where event rows have 57, 58 or 61 (mentions files have 16)`, input.fileName, line);
      }
      seen = true;
      if (!layout) {
        yield { ok: false, rejection: { file: input.fileName, line, reason: `${fields.length} tab-separated fields; a GDELT event row has 57 or 58 (1.0) or 61 (2.0)` } };
        continue;
      }
      const code = fields[F.eventCode]!;
      if (!codes.some((c) => code.startsWith(c))) {
        context.skipped?.();
        continue;
      }
      try {
        yield { ok: true, line, record: gdeltRecord(fields, layout, translingual, context) };
      } catch (e) {
        if (!(e instanceof FieldError)) throw e;
        yield { ok: false, rejection: { file: input.fileName, line, column: e.column, value: e.value.slice(0, 80), reason: e.message } };
      }
    }
  },
};

const precisionByGeoType: Record<string, PlacePrecision> = { '1': 'country', '2': 'admin1', '3': 'locality', '4': 'locality', '5': 'admin1' };

function gdeltRecord(f: string[], layout: Layout, translingual: boolean, context: ImportContext): EventRecordInput {
  const id = f[F.id]!;
  if (!/^\d+$/.test(id)) throw new FieldError('GLOBALEVENTID', id, 'GLOBALEVENTID must be a whole number');
  const sqlDate = f[F.sqlDate]!;
  const date = `${sqlDate.slice(0, 4)}-${sqlDate.slice(4, 6)}-${sqlDate.slice(6, 8)}`;
  if (!/^\d{8}$/.test(sqlDate) || !isValidIsoDate(date)) throw new FieldError('SQLDATE', sqlDate, 'SQLDATE must be a real date written YYYYMMDD');

  const g = layout.actionGeo;
  const geoType = f[g]!;
  const fullName = f[g + 1]!;
  const precision = precisionByGeoType[geoType] ?? 'unknown';
  const latAt = g + (layout.hasAdm2 ? 5 : 4);
  // A blank geo block is written as Lat/Long 0 in the 1.0 backfile: without a geo type there is no place.
  const lat = precision === 'unknown' ? null : coordinate(f[latAt]!, 'ActionGeo_Lat', 90);
  const lon = precision === 'unknown' ? null : coordinate(f[latAt + 1]!, 'ActionGeo_Long', 180);
  if ((lat === null) !== (lon === null)) throw new FieldError(lat === null ? 'ActionGeo_Lat' : 'ActionGeo_Long', '', 'ActionGeo_Lat and ActionGeo_Long come together');
  const parts = fullName.split(', ').map((p) => p.trim()).filter(Boolean);
  const locality = precision === 'locality' ? parts[0] ?? null : null;
  const admin1 = precision === 'locality' ? parts.slice(1, -1).join(', ') || null : precision === 'admin1' ? parts.slice(0, -1).join(', ') || null : null;
  // FIPS 10-4, not ISO: AS is Australia, SF South Africa. An unknown code leaves the country open rather than guessed.
  const country = iso3FromFips(f[g + 2]!) ?? null;

  const code = f[F.eventCode]!;
  const meaning = cameoMeaning(code, f[F.rootCode]!);
  const [a1, a2] = [actorFields(f, F.actor1), actorFields(f, F.actor2)];
  const actors = [a1, a2].flatMap((a, i) => {
    if (!a.name) return [];
    const sourceActorId = a.group || a.code || null;
    const actorId = context.resolveActor(a.name, { dataset: 'gdelt', country, date, sourceActorId }) ?? null;
    return [{ name: a.name, role: meaning.roles[i]!, attribution: 'suspected' as const, actorId }];
  });
  const targets = ['attack', 'clash', 'strike'].includes(meaning.kind) ? targetsFromTypes([a2.type1, a2.type2, a2.type3]) : [];

  const url = layout.sourceUrl === undefined ? '' : f[layout.sourceUrl]!.trim();
  const datasetTitle = `GDELT ${layout.version} Event Database${layout.version === '2.0' && translingual ? ' (translingual)' : ''}`;
  return {
    id: `${layout.dataset}:${id}`,
    kind: meaning.kind,
    subtype: `CAMEO ${code}: ${meaning.label}`,
    date,
    datePrecision: 'day',
    place: { country, admin1, locality, lat, lon, precision },
    actors,
    targets,
    tactics: meaning.tactics,
    killed: { low: null, best: null, high: null },
    wounded: { low: null, best: null, high: null },
    casualtySource: null,
    description: describe(a1.name, a2.name, meaning.label, code, fullName),
    sources: [
      ...(url ? [articleSource(url)] : []),
      { title: datasetTitle, publisher: 'The GDELT Project', url: 'https://www.gdeltproject.org/', type: 'dataset' as const },
    ],
    tags: tags(f, layout, a1, a2),
    provenance: {
      dataset: layout.dataset,
      datasetVersion: layout.version === '2.0' && translingual ? '2.0 translingual' : layout.version,
      originalId: id,
      importedAt: context.importedAt,
      licence: gdeltLicence,
      attribution: gdeltAttribution,
    },
    status: 'review',
    visibility: 'public',
  };
}

type ActorFields = Record<(typeof actorFieldNames)[number], string>;

function actorFields(f: string[], start: number): ActorFields {
  return Object.fromEntries(actorFieldNames.map((n, i) => [n, f[start + i]!.trim()])) as ActorFields;
}

function coordinate(value: string, column: string, limit: number): number | null {
  if (!value.trim()) return null;
  const n = Number(value);
  if (!Number.isFinite(n) || Math.abs(n) > limit) throw new FieldError(column, value, `${column} must be a number from -${limit} to ${limit}`);
  return n;
}

/** The article GDELT coded the event from: titled by its site, since GDELT gives no headline. */
function articleSource(url: string) {
  let host: string | undefined;
  if (/^https?:\/\//i.test(url)) {
    try {
      host = new URL(url).hostname.replace(/^www\./, '');
    } catch {
      host = undefined;
    }
  }
  // 1.0 daily files sometimes name an outlet ("BBC Monitoring") instead of a URL.
  if (!host) return { title: url.slice(0, 2000), type: 'media' as const };
  return { title: host, publisher: host, url: url.slice(0, 4000), type: 'media' as const };
}

function describe(actor1: string, actor2: string, label: string, code: string, place: string): string {
  const who = [actor1 || 'an unidentified actor', actor2].filter(Boolean).join(' and ');
  return `Machine-coded GDELT event: ${label} (CAMEO ${code}) involving ${who}${place ? ` in ${place}` : ''}. Not verified; the date may be inferred from the article.`;
}

function tags(f: string[], layout: Layout, a1: ActorFields, a2: ActorFields): string[] {
  const out = [`gdelt:event=${f[F.eventCode]}`, `gdelt:root=${f[F.rootCode]}`];
  if (f[F.isRoot] === '1') out.push('gdelt:root-event');
  const add = (name: string, value: string | undefined) => value && out.push(`gdelt:${name}=${value}`.slice(0, 300));
  add('quad', f[F.quad]);
  add('goldstein', f[F.goldstein]);
  add('mentions', f[F.mentions]);
  add('sources', f[F.sources]);
  add('articles', f[F.articles]);
  for (const [n, a] of [['actor1', a1], ['actor2', a2]] as const) {
    add(n, a.code);
    for (const field of ['country', 'group', 'ethnic', 'religion1', 'religion2', 'type1', 'type2', 'type3'] as const) add(`${n}-${field}`, a[field]);
  }
  add('adm1', f[layout.actionGeo + 3]);
  if (layout.hasAdm2) add('adm2', f[layout.actionGeo + 4]);
  add('feature', f[layout.actionGeo + (layout.hasAdm2 ? 7 : 6)]);
  add('added', f[layout.dateAdded]);
  return out;
}
