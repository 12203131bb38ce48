/**
 * How a record becomes the flat, indexed columns every backend filters on: resolved actor ids, normalised
 * names, a folded search text, the end of its date range and a content hash that makes re-imports idempotent.
 */
import { createHash } from 'node:crypto';
import { normalizeName } from '../core/actor-registry.ts';
import { dateRange, type EventRecord } from '../core/record.ts';

/** The columns derived from one record (names as in the DuckDB schema). */
export interface RecordRow {
  id: string;
  kind: string;
  subtype: string | null;
  date: string;
  date_end: string;
  date_precision: string;
  country: string | null;
  admin1: string | null;
  admin2: string | null;
  locality: string | null;
  lat: number | null;
  lon: number | null;
  place_precision: string;
  target_country: string | null;
  killed_best: number | null;
  wounded_best: number | null;
  actor_ids: string[];
  actor_keys: string[];
  unresolved: string[];
  attributions: string[];
  targets: string[];
  tactics: string[];
  dataset: string;
  dataset_version: string | null;
  licence: string | null;
  attribution: string | null;
  imported_at: string | null;
  status: string;
  visibility: string;
  search: string;
  hash: string;
  doc: string;
}

/** Flattens a validated record into its row. */
export function recordRow(record: EventRecord): RecordRow {
  const { place, provenance } = record;
  const uniq = (xs: (string | null | undefined)[]) => [...new Set(xs.filter((x): x is string => Boolean(x)))];
  const searchParts = [
    record.description,
    record.subtype,
    place.locality,
    place.admin2,
    place.admin1,
    place.country,
    ...record.actors.map((a) => a.name),
    ...record.sources.flatMap((s) => [s.title, s.publisher]),
    ...record.tags,
  ];
  // The revision is the store's business, and the import time changes on every run: neither is content.
  const { revision: _revision, ...content } = record;
  const doc = JSON.stringify(content);
  const hashed = JSON.stringify({ ...content, provenance: { ...provenance, importedAt: null } });
  return {
    id: record.id,
    kind: record.kind,
    subtype: record.subtype ?? null,
    date: record.date,
    date_end: dateRange(record).to,
    date_precision: record.datePrecision,
    country: place.country ?? null,
    admin1: place.admin1 ?? null,
    admin2: place.admin2 ?? null,
    locality: place.locality ?? null,
    lat: place.lat ?? null,
    lon: place.lon ?? null,
    place_precision: place.precision,
    target_country: record.targetCountry ?? null,
    killed_best: record.killed.best ?? null,
    wounded_best: record.wounded.best ?? null,
    actor_ids: uniq(record.actors.map((a) => a.actorId)),
    actor_keys: uniq(record.actors.map((a) => normalizeName(a.name))),
    unresolved: uniq(record.actors.filter((a) => !a.actorId).map((a) => a.name)),
    attributions: uniq(record.actors.map((a) => a.attribution)),
    targets: uniq(record.targets),
    tactics: uniq(record.tactics),
    dataset: provenance.dataset,
    dataset_version: provenance.datasetVersion ?? null,
    licence: provenance.licence ?? null,
    attribution: provenance.attribution ?? null,
    imported_at: provenance.importedAt ?? null,
    status: record.status,
    visibility: record.visibility,
    search: searchParts.filter(Boolean).map((p) => normalizeName(p!)).join(' \u0001 '),
    hash: createHash('sha1').update(hashed).digest('base64url'),
    doc,
  };
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
