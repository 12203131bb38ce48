/**
 * Validation as the editor types: the form's record is sent to `POST /api/records/validate` a moment after the
 * last change, and the fields at fault come back in the record model's own words. Nothing is duplicated here:
 * the server runs the one schema (and checks links and actor ids, which only it can).
 */
import { useEffect, useState } from 'react';
import { apiSend, WriteError, type FieldError } from '../auth/api-write.ts';
import type { FormRecord } from './form-model.ts';

/** The fields at fault in `record` (an edit of `id`, or a new record); `active` false checks nothing yet. */
export function useValidation(record: FormRecord, id: string | undefined, active: boolean): { errors: FieldError[] } {
  const [errors, setErrors] = useState<FieldError[]>([]);
  const key = JSON.stringify(record);
  useEffect(() => {
    if (!active) return;
    let live = true;
    const timer = setTimeout(() => {
      apiSend<{ ok: boolean; fields: FieldError[] }>('POST', 'records/validate', { record, ...(id ? { id } : {}) }).then(
        (r) => live && setErrors(r.fields),
        (e: unknown) => live && setErrors(e instanceof WriteError ? e.fields : []),
      );
    }, 350);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // `key` stands for the record's content: a new object with the same content must not re-validate.
  }, [key, id, active]);
  return { errors };
}
