/**
 * For the explorer's record panel: the public change notes of a published record ("casualties corrected on
 * 2024-03-02: 5 → 7 killed"), and for signed-in editors a link to edit it.
 */
import type { EventRecord } from '../api/types.ts';
import { useSession } from '../auth/session.ts';

export interface ChangeNote {
  revision: number;
  date: string;
  field: string;
  text: string;
}

/** The notes and the edit link; nothing when there is neither. */
export function RecordChangeNotes({ record, notes }: { record: EventRecord; notes: ChangeNote[] | undefined }) {
  const me = useSession();
  const canEdit = Boolean(me?.rights.edit);
  if (!notes?.length && !canEdit) return null;
  return (
    <div className="record-curation">
      {notes && notes.length > 0 && (
        <>
          <h3>Corrections</h3>
          <ul className="change-notes" data-testid="change-notes">
            {notes.map((n) => (
              <li key={`${n.revision}-${n.field}`}>{n.text}</li>
            ))}
          </ul>
        </>
      )}
      {canEdit && (
        <a className="button small" href={`/editor/records/${encodeURIComponent(record.id)}`} data-testid="edit-record">
          Edit this record
        </a>
      )}
    </div>
  );
}
