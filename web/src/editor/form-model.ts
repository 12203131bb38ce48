/**
 * The record as the form holds it: the record model's fields an editor writes (the server sets id, provenance,
 * status and revision), with a place precision that starts unset, so it is always chosen, never assumed.
 */
import type { EventRecord, Place, PlacePrecision } from '../../../src/core/record.ts';
import type { FieldError } from '../auth/api-write.ts';

export type FormPlace = Omit<Place, 'precision'> & { precision: PlacePrecision | '' };
export type FormRecord = Omit<EventRecord, 'id' | 'provenance' | 'status' | 'revision' | 'place'> & { place: FormPlace };

const noCount = () => ({ low: null, best: null, high: null });

/** A new record's starting point. */
export function blankRecord(): FormRecord {
  return {
    kind: 'attack', subtype: null, date: '', dateEnd: null, datePrecision: 'day',
    place: { country: null, admin1: null, admin2: null, locality: null, lat: null, lon: null, precision: '' },
    targetCountry: null, actors: [], targets: [], tactics: [], killed: noCount(), wounded: noCount(), casualtySource: null,
    media: null, legal: null, designation: null, description: '', sources: [], links: [], tags: [], visibility: 'public',
  };
}

/** The form's copy of a stored record. */
export function fromRecord(r: EventRecord): FormRecord {
  const { id: _id, provenance: _p, status: _s, revision: _r, ...rest } = structuredClone(r);
  return rest;
}

/** The error for one field path, if any. */
export function errorAt(errors: readonly FieldError[], field: string): string | undefined {
  return errors.find((e) => e.field === field)?.message;
}

/** The errors at or below a path (`sources.0` → `sources.0.url`, …). */
export function errorsUnder(errors: readonly FieldError[], prefix: string): FieldError[] {
  return errors.filter((e) => e.field === prefix || e.field.startsWith(`${prefix}.`));
}

/** Top-level fields where two versions differ (for merging after a conflict). */
export function changedKeys(a: FormRecord, b: FormRecord): (keyof FormRecord)[] {
  return (Object.keys(b) as (keyof FormRecord)[]).filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
}
