/** Map, Table and Charts: three views of the same selection, as an ARIA tab list. */
import type { KeyboardEvent } from 'react';
import { tabs, type Tab } from '../../model/view-state.ts';

const labels: Record<Tab, string> = { map: 'Map', table: 'Table', charts: 'Charts' };

/** The tabs; arrow keys move between them. */
export function TabBar({ tab, onChange }: { tab: Tab; onChange: (tab: Tab) => void }) {
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const i = tabs.indexOf(tab);
    const next = tabs[(i + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length]!;
    onChange(next);
    document.getElementById(`tab-${next}`)?.focus();
  };
  return (
    <div className="tab-bar" role="tablist" aria-label="Views" onKeyDown={onKeyDown}>
      {tabs.map((t) => (
        <button key={t} id={`tab-${t}`} type="button" role="tab" aria-selected={t === tab} aria-controls="view-panel" tabIndex={t === tab ? 0 : -1} className={t === tab ? 'on' : undefined} onClick={() => onChange(t)}>
          {labels[t]}
        </button>
      ))}
    </div>
  );
}
