/**
 * How a record becomes the flat, indexed columns every backend filters on: resolved actor ids, normalised
 * names, a folded search text, the end of its date range and a content hash that makes re-imports idempotent.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { normalizeName } from '../core/actor-registry.ts';
import { provinceKey } from '../core/places.ts';
import { dateRange, recordSchema, type EventRecord } from '../core/record.ts';

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

/** The fields of an object of the record model, in the model's order, with those that hold objects (or lists of them). */
interface Skeleton {
  keys: string[];
  objects: Map<string, Skeleton>;
}

type JsonSchema = { type?: string | string[]; properties?: Record<string, JsonSchema>; items?: JsonSchema; anyOf?: JsonSchema[] };

/** The skeleton of the objects a JSON Schema allows (itself, its list's items, or an `anyOf` variant), if any. */
function skeletonOf(schema: JsonSchema): Skeleton | undefined {
  for (const variant of schema.anyOf ?? [schema]) {
    if (variant.properties) {
      const objects = new Map<string, Skeleton>();
      for (const [key, field] of Object.entries(variant.properties)) {
        const inner = skeletonOf(field);
        if (inner) objects.set(key, inner);
      }
      return { keys: Object.keys(variant.properties), objects };
    }
    if (variant.items) return skeletonOf(variant.items);
  }
  return undefined;
}

let model: { digest: string; skeleton: Skeleton } | undefined;

/** The record model's JSON Schema, as its digest and the skeleton of a stored document (which has no `revision`). */
function documentModel() {
  if (!model) {
    const schema = z.toJSONSchema(recordSchema, { unrepresentable: 'any' });
    const skeleton = skeletonOf(schema as JsonSchema)!;
    model = {
      digest: createHash('sha256').update(JSON.stringify(schema)).digest('hex'),
      skeleton: { ...skeleton, keys: skeleton.keys.filter((k) => k !== 'revision') },
    };
  }
  return model;
}

/**
 * The shape of stored documents: a digest of the record model's fields, types and defaults (its JSON Schema). A store
 * notes the shape its documents are written in; when the model changes (a field added, a default changed) it writes
 * them again in the new one, so reads return whole records and re-importing a file finds its records unchanged.
 */
export const documentShape = (): string => documentModel().digest;

function fits(value: unknown, skeleton: Skeleton): boolean {
  if (value === null) return true;
  if (Array.isArray(value)) return value.every((item) => fits(item, skeleton));
  if (typeof value !== 'object') return false;
  const keys = Object.keys(value);
  if (keys.length !== skeleton.keys.length || keys.some((k, i) => k !== skeleton.keys[i])) return false;
  for (const [key, inner] of skeleton.objects) if (!fits((value as Record<string, unknown>)[key], inner)) return false;
  return true;
}

/**
 * Whether a stored document (parsed) has every field of the current model, in its order, and no other: one the
 * model validated when it was written then reads back as the same text, and needs no rewriting. Checking the fields
 * takes a fraction of validating the document again (at 400k records, 12.9 s against 33.6 s).
 */
export const inDocumentShape = (doc: unknown): boolean => fits(doc, documentModel().skeleton);

/** `fold`, remembered: an import repeats the same few hundred actor and province names millions of times. */
function remembered(fold: (name: string) => string): (name: string) => string {
  const keys = new Map<string, string>();
  return (name) => {
    let key = keys.get(name);
    if (key === undefined) {
      if (keys.size > 100_000) keys.clear();
      key = fold(name);
      keys.set(name, key);
    }
    return key;
  };
}
const actorKey = remembered(normalizeName);
const admin1Key = remembered(provinceKey);

/** `text` with every unpaired UTF-16 surrogate replaced by U+FFFD, as decoders do with broken bytes. */
const wellFormed = (text: string) => (text.isWellFormed() ? text : text.toWellFormed());

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
    // and the whole write failed. JSON.stringify writes such a half as `\udxxx` (lower case): a plain search finds
    // any (a regular expression took a third of this function's time), rarely one that is an escaped backslash.
    doc: doc.includes('\\ud') ? JSON.stringify(stored, (_, v: unknown) => (typeof v === 'string' ? wellFormed(v) : v)) : doc,
    dateEnd: dateRange(record).to,
    actorKeys,
    searchText: wellFormed(parts.filter(Boolean).join(' ')),
    admin1Key: place.admin1 ? admin1Key(place.admin1) : null,
    importedAt: provenance.importedAt ?? null,
  };
}

/** A keyword as search compares it: lower case, no accents, punctuation as single spaces. */
export function foldText(text: string): string {
  // eslint-disable-next-line no-control-regex
  const plain = /^[\x00-\x7f]*$/.test(text) ? text : text.normalize('NFKD').replace(/\p{M}/gu, '');
  return plain.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => v != null && typeof v === 'object' && !Array.isArray(v);

/**
 * Whether two values parsed from JSON are equal, whatever the order of their keys. Walks them instead of comparing
 * their JSON texts: a re-import that changes every record (a new dataset version) diffs millions of documents.
 */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && sameJson(a[k], b[k]));
}

/** The fields in which two versions of a record differ, with old and new values (for the revision history). */
export function diffRecords(before: Record<string, unknown>, after: Record<string, unknown>, prefix = ''): { field: string; old: unknown; new: unknown }[] {
  const changes: { field: string; old: unknown; new: unknown }[] = [];
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    // A field one version lacks is null there (the record model's default), not a change from nothing to null.
    const [a, b] = [before[key] ?? null, after[key] ?? null];
    if (sameJson(a, b)) continue;
    if (isPlainObject(a) && isPlainObject(b)) changes.push(...diffRecords(a, b, `${prefix}${key}.`));
    else changes.push({ field: prefix + key, old: a, new: b });
  }
  return changes;
}
