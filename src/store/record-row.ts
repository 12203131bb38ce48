/**
 * How a record becomes the flat, indexed columns every backend filters on: resolved actor ids, normalised
 * names, a folded search text, the end of its date range and a content hash that makes re-imports idempotent.
 */
import { normalizeName } from '../core/actor-registry.ts';
import { provinceKey } from '../core/places.ts';
import { dateRange, type EventRecord } from '../core/record.ts';

/** What a backend stores of a record beyond its document: actor keys, searchable text, date span. */
export interface RecordRow {
  id: string;
  /** The record as JSON, without its revision and import time (they have columns of their own). */
  doc: string;
  /** The last day the record may have happened on: dateEnd, or the end of its imprecise date's period. */
  dateEnd: string;
  /** Actor names folded as the registry folds them, so unknown names can still be filtered on. */
  actorKeys: string[];
  /** The text keyword search looks in, unfolded (backends fold it as `foldText` does). */
  searchText: string;
  /** The province's spellings folded into one key (`provinceKey`), which filters, facets and map areas compare. */
  admin1Key: string | null;
  importedAt: string | null;
}

const normalizedNames = new Map<string, string>();
/** `normalizeName`, remembered: an import repeats the same few hundred actor names millions of times. */
function actorKey(name: string): string {
  let key = normalizedNames.get(name);
  if (key === undefined) {
    if (normalizedNames.size > 100_000) normalizedNames.clear();
    key = normalizeName(name);
    normalizedNames.set(name, key);
  }
  return key;
}

/**
 * `text` with every unpaired UTF-16 surrogate replaced by U+FFFD (`String.prototype.toWellFormed`, ES2024). On the
 * import's hot path: most text has no surrogate at all, which one scan for any says.
 */
const wellFormed = (text: string) =>
  /[\ud800-\udfff]/.test(text) ? text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd') : text;

/** Flattens a validated record into what the store keeps beside its document. */
export function recordRow(record: EventRecord): RecordRow {
  const { place, provenance } = record;
  const actorKeys = [...new Set(record.actors.map((a) => actorKey(a.name)).filter(Boolean))];
  const parts = [record.description, record.subtype, place.locality, place.admin2, place.admin1, place.country];
  for (const a of record.actors) parts.push(a.name);
  for (const s of record.sources) parts.push(s.title, s.publisher);
  parts.push(...record.tags);
  // Actor keys are folded like registry names, so a keyword "khurasan" also finds "Wilayat Khorasan".
  parts.push(...actorKeys);
  // The revision is the store's business, and the import time changes on every run: neither is content,
  // so the document (and its hash) stays the same when an unchanged record is imported again.
  const { revision: _revision, ...content } = record;
  const stored = { ...content, provenance: { ...provenance, importedAt: null } };
  const doc = JSON.stringify(stored);
  return {
    id: record.id,
    // Text with half of a UTF-16 surrogate pair (`"\ud800"` in a JSON file) is no Unicode: DuckDB's JSON refuses it
    // and the whole write failed. Such halves become U+FFFD, as decoders do with broken bytes.
    doc: /\\u[dD][89a-fA-F]/.test(doc) ? JSON.stringify(stored, (_, v: unknown) => (typeof v === 'string' ? wellFormed(v) : v)) : doc,
    dateEnd: dateRange(record).to,
    actorKeys,
    searchText: wellFormed(parts.filter(Boolean).join(' ')),
    admin1Key: place.admin1 ? provinceKey(place.admin1) : null,
    importedAt: provenance.importedAt ?? null,
  };
}

/** A keyword as search compares it: lower case, no accents, punctuation as single spaces. */
export function foldText(text: string): string {
  // eslint-disable-next-line no-control-regex
  const plain = /^[\x00-\x7f]*$/.test(text) ? text : text.normalize('NFKD').replace(/\p{M}/gu, '');
  return plain.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** The fields in which two versions of a record differ, with old and new values (for the revision history). */
export function diffRecords(before: Record<string, unknown>, after: Record<string, unknown>, prefix = ''): { field: string; old: unknown; new: unknown }[] {
  const changes: { field: string; old: unknown; new: unknown }[] = [];
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const [a, b] = [before[key], after[key]];
    if (JSON.stringify(a) === JSON.stringify(b)) continue;
    const isPlainObject = (v: unknown) => v != null && typeof v === 'object' && !Array.isArray(v);
    if (isPlainObject(a) && isPlainObject(b)) changes.push(...diffRecords(a as Record<string, unknown>, b as Record<string, unknown>, `${prefix}${key}.`));
    else changes.push({ field: prefix + key, old: a ?? null, new: b ?? null });
  }
  return changes;
}
