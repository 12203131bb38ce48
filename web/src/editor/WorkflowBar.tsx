/**
 * The record's status and the moves the signed-in user may make from it (from `GET /api/auth/me`), disabled
 * while there are unsaved changes so that what is submitted or published is what was saved.
 */
import type { Status } from '../../../src/core/record.ts';
import { moveLabel, statusLabels } from './options.ts';

export function WorkflowBar({ status, moves, dirty, busy, onMove }: { status: Status; moves: Status[]; dirty: boolean; busy: boolean; onMove: (to: Status) => void }) {
  return (
    <div className="workflow-bar">
      <span className={`status-badge status-${status}`} data-testid="status">
        {statusLabels[status]}
      </span>
      {moves.map((to) => (
        <button key={to} type="button" className={`button${to === 'published' || to === 'review' ? ' primary' : ''}`} disabled={dirty || busy} onClick={() => onMove(to)} data-testid={`move-${to}`}>
          {moveLabel(status, to)}
        </button>
      ))}
      {dirty && moves.length > 0 && <span className="muted small">Save your changes first.</span>}
    </div>
  );
}
