/**
 * From what an editor sends to a record the store can keep. The server owns `id` (a ULID for new records),
 * `provenance` (`curated` for new records; unchanged for existing ones), `status` (changed only through the
 * workflow) and `revision`; the rest comes from the editor and is validated by the record schema, plus what the
 * schema cannot know: linked records must exist (and be visible to the editor), actor ids must be registry ids.
 */
import { ulid } from 'ulid';
import type { ActorRegistry } from '../../core/actor-registry.ts';
import { countryByIso3 } from '../../core/countries.ts';
import { CurationError, curatorEdit } from '../../core/curation.ts';
import type { EventStore } from '../../core/event-store.ts';
import type { AccessScope } from '../../core/filter.ts';
import { parseRecord, type EventRecord } from '../../core/record.ts';
import { may, type Role } from '../../core/roles.ts';
import { withArticle } from '../auth/authenticate.ts';
import { ApiError, type FieldError } from '../errors.ts';
import { visibleIds } from '../visible-links.ts';

/** Fields the server sets; an editor's values for them are ignored. */
const serverFields = ['id', 'provenance', 'status', 'revision'] as const;

function content(input: unknown): Record<string, unknown> {
  const copy = { ...(input as Record<string, unknown>) };
  for (const f of serverFields) delete copy[f];
  return copy;
}

/** The record an editor's input makes: new (`current` undefined) or an edit of `current`. Not yet validated. */
export function composeRecord(input: unknown, current?: EventRecord): unknown {
  const fields = content(input);
  if (!current) return { ...fields, id: ulid(), provenance: { dataset: 'curated' }, status: 'draft' };
  // A form that leaves visibility out must not turn an internal record public.
  return { visibility: current.visibility, ...fields, id: current.id, provenance: current.provenance, status: current.status };
}

/** Every problem with a composed record: the schema's, then links and actor ids. Empty when it is valid. */
export async function recordProblems(composed: unknown, store: EventStore, scope: AccessScope, registry: ActorRegistry, current?: EventRecord): Promise<{ record?: EventRecord; fields: FieldError[] }> {
  const parsed = parseRecord(composed);
  if (!parsed.ok) return { fields: parsed.problems.map((p) => ({ field: p.field, message: p.message })) };
  const record = parsed.record;
  const fields: FieldError[] = [];
  const linked = await visibleIds(store, scope, [...new Set(record.links.map((l) => l.recordId))]);
  record.links.forEach((l, i) => {
    if (l.recordId === record.id) fields.push({ field: `links.${i}.recordId`, message: 'a record cannot link to itself' });
    else if (!linked.has(l.recordId)) fields.push({ field: `links.${i}.recordId`, message: `no record ${JSON.stringify(l.recordId)}; find records to link with /api/records?q=` });
  });
  record.actors.forEach((a, i) => {
    if (a.actorId && !registry.get(a.actorId)) fields.push({ field: `actors.${i}.actorId`, message: `unknown actor id ${JSON.stringify(a.actorId)}; pick one from /api/actors?q= or leave it empty` });
  });
  // The schema checks the shape of a country code; one an editor writes must also be a country. A dataset's own code
  // is left as it came (GTD keeps historical ones such as YUG), so the record stays editable.
  for (const [field, code, was] of [['place.country', record.place.country, current?.place.country], ['targetCountry', record.targetCountry, current?.targetCountry]] as const) {
    if (code && code !== was && !countryByIso3(code)) fields.push({ field, message: `no country has the ISO 3166-1 alpha-3 code ${JSON.stringify(code)}; pick a place from the suggestions, or write a code such as AFG` });
  }
  return fields.length ? { fields } : { record, fields };
}

/** The dataset-owned fields an edit of an imported record would change (the store refuses them on save too). */
export async function ownershipProblems(record: EventRecord, current: EventRecord | undefined, store: EventStore): Promise<FieldError[]> {
  if (!current) return [];
  try {
    curatorEdit(current, await store.getCuration(current.id), record);
    return [];
  } catch (e) {
    if (e instanceof CurationError) return e.problems.map((p) => ({ field: p.field, message: p.message }));
    throw e;
  }
}

/**
 * Who reads a record that is out is decided as publishing is: a draft's visibility is the editor's to set (it is
 * reviewed with the rest), a published or archived record's is a reviewer's — by an edit or by a revert alike.
 */
export function checkVisibilityChange(role: Role, current: EventRecord, next: EventRecord): void {
  const out = current.status === 'published' || current.status === 'archived';
  if (out && next.visibility !== current.visibility && !may(role, 'publish')) {
    throw new ApiError(403, 'forbidden', `${withArticle(role)} may not change who reads a ${current.status} record (${current.visibility} → ${next.visibility})`, 'record.visibility', 'ask a reviewer, or send the record back to draft and through review');
  }
}

/** A 400 naming every field at fault. */
export function invalidRecord(fields: FieldError[]): ApiError {
  const message = `the record is not valid: ${fields.map((f) => `${f.field}: ${f.message}`).join('; ')}`;
  return new ApiError(400, 'invalid_record', message, fields[0] ? `record.${fields[0].field}` : 'record', 'fix the fields listed in error.fields', {}, fields);
}

/** The valid record an editor's input makes, or a 400 naming every field at fault. */
export async function validRecord(input: unknown, current: EventRecord | undefined, store: EventStore, scope: AccessScope, registry: ActorRegistry): Promise<EventRecord> {
  if (input == null || typeof input !== 'object' || Array.isArray(input)) throw invalidRecord([{ field: '(record)', message: 'expected the record as a JSON object' }]);
  const { record, fields } = await recordProblems(composeRecord(input, current), store, scope, registry, current);
  if (!record) throw invalidRecord(fields);
  return record;
}
