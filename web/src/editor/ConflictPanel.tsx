/**
 * Shown when a save was refused because someone else saved first: what they changed (who, when, each field
 * before and after), and two ways on — keep my edits on top of their version, or take theirs. Nothing is lost:
 * the editor's own changes stay in the form until they choose.
 */
import type { RevisionChanges } from '../auth/api-write.ts';
import { DiffList } from './DiffList.tsx';

export function ConflictPanel({ theirChanges, onKeepMine, onTakeTheirs }: { theirChanges: RevisionChanges[]; onKeepMine: () => void; onTakeTheirs: () => void }) {
  return (
    <section className="conflict" role="alert" data-testid="conflict">
      <h2>Someone else saved this record while you were editing</h2>
      <p>Your changes were not saved. This is what changed since you opened it:</p>
      {theirChanges.map((r) => (
        <div key={r.revision}>
          <p className="small">
            Revision {r.revision} by <strong>{r.by}</strong>, {new Date(r.at).toLocaleString()}
            {r.comment ? ` — “${r.comment}”` : ''}
          </p>
          {r.changes && <DiffList changes={r.changes} />}
        </div>
      ))}
      <div className="actions">
        <button type="button" className="button primary" onClick={onKeepMine} data-testid="keep-mine">
          Put my changes on top of theirs
        </button>
        <button type="button" className="button" onClick={onTakeTheirs}>
          Discard my changes and load theirs
        </button>
      </div>
    </section>
  );
}
