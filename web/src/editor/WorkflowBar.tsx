/**
 * The record's status and the moves the signed-in user may make from it (from `GET /api/auth/me`), unavailable
 * while there are unsaved changes so that what is submitted or published is what was saved.
 */
import { useEffect, useRef } from 'react';
import type { Status } from '../../../src/core/record.ts';
import { KeepFocusButton } from '../components/KeepFocusButton.tsx';
import { moveLabel, statusLabels } from './options.ts';

export function WorkflowBar({ status, moves, dirty, busy, onMove }: { status: Status; moves: Status[]; dirty: boolean; busy: boolean; onMove: (to: Status) => void }) {
  const badge = useRef<HTMLSpanElement>(null);
  const shown = useRef(status);
  // Each status has its own moves, so the button pressed goes with the move: focus it held goes to the new status.
  useEffect(() => {
    if (shown.current === status) return;
    shown.current = status;
    if (document.activeElement === document.body) badge.current?.focus();
  }, [status]);
  return (
    <div className="workflow-bar">
      <span className={`status-badge status-${status}`} data-testid="status" ref={badge} tabIndex={-1}>
        {statusLabels[status]}
      </span>
      {moves.map((to) => (
        <KeepFocusButton key={to} className={`button${to === 'published' || to === 'review' ? ' primary' : ''}`} unavailable={dirty || busy} onClick={() => onMove(to)} data-testid={`move-${to}`}>
          {moveLabel(status, to)}
        </KeepFocusButton>
      ))}
      {dirty && moves.length > 0 && <span className="muted small">Save your changes first.</span>}
    </div>
  );
}
