/**
 * The actor search: type any name a group has used ("ISIS-K", "Wilayat Khurasan", "Daesh") and pick the
 * canonical actor it resolves to. Each suggestion says which alias matched and what it resolves to
 * ("ISIS-K → Islamic State Khorasan Province"), with record counts including branches. A WAI-ARIA combobox:
 * arrows move, Enter picks, Escape closes (and a second Escape empties the box).
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { apiUrl } from '../../api/client.ts';
import type { ActorSummary } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { formatCount } from '../../model/format.ts';
import { looseName } from './use-actor-name.ts';

export interface ActorBoxProps {
  /** Adds an actor (an id, or a name the registry does not know) to the filter. */
  onPick: (actor: string) => void;
}

/** Debounces a value by `ms`. */
function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

/** The actor combobox. */
export function ActorBox({ onPick }: ActorBoxProps) {
  const id = useId();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  // Leaving the box closes the list a moment later (so a click on a suggestion lands first); coming back, or
  // typing, within that moment cancels the closing.
  const closing = useRef<ReturnType<typeof setTimeout>>(undefined);
  const reopen = () => {
    clearTimeout(closing.current);
    setOpen(true);
  };
  useEffect(() => () => clearTimeout(closing.current), []);
  const query = useDebounced(text.trim(), 150);
  const answer = useApi<{ actors: ActorSummary[] }>(query ? apiUrl('actors', [['q', query], ['limit', '8']]) : null);
  const actors = query && answer.data ? answer.data.actors : [];
  const showList = open && query.length > 0;

  const pick = (value: string) => {
    onPick(value);
    setText('');
    setOpen(false);
    setActive(0);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(a + 1, Math.max(actors.length - 1, 0)));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const chosen = actors[active];
      // Enter on free text the registry does not know still filters: the server matches the name verbatim.
      if (chosen) pick(chosen.id);
      else if (text.trim()) pick(text.trim());
    } else if (e.key === 'Escape' && (showList || text)) {
      // The first Escape closes the suggestions, the next one empties the box, and only then does one reach the
      // page (where it closes an open record).
      e.preventDefault();
      if (showList) setOpen(false);
      else setText('');
    }
  };

  const best = actors[0];
  const resolves = best && query && (looseName(best.matched ?? '') === looseName(query) || looseName(best.name) === looseName(query));

  return (
    <div className="actor-box combobox">
      <label htmlFor={`${id}-input`} className="visually-hidden">
        Actor: any name or alias
      </label>
      <input
        ref={input}
        id={`${id}-input`}
        type="search"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={showList}
        aria-controls={`${id}-list`}
        aria-activedescendant={showList && actors[active] ? `${id}-opt-${active}` : undefined}
        aria-describedby={`${id}-status`}
        placeholder="Group: any name or alias (ISIS-K, Daesh…)"
        autoComplete="off"
        spellCheck={false}
        dir="auto"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          reopen();
          setActive(0);
        }}
        onFocus={reopen}
        onBlur={() => (closing.current = setTimeout(() => setOpen(false), 150))}
        onKeyDown={onKeyDown}
      />
      <div id={`${id}-status`} className="visually-hidden" aria-live="polite">
        {showList ? (actors.length ? `${actors.length} suggestions` : answer.loading ? '' : 'no actor by that name') : ''}
      </div>
      {showList && (
        <ul id={`${id}-list`} role="listbox" className="suggestions" aria-label="Actors">
          {resolves && best && (
            <li className="resolution" role="presentation" data-testid="actor-resolution">
              <span dir="auto">{query}</span> → <strong dir="auto">{best.name}</strong>
            </li>
          )}
          {actors.map((a, i) => (
            <li
              key={a.id}
              id={`${id}-opt-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(a.id)}
              onMouseEnter={() => setActive(i)}
            >
              <span className="suggestion-name" dir="auto">
                {a.name}
              </span>
              {a.matched && looseName(a.matched) !== looseName(a.name) && (
                <span className="suggestion-alias" dir="auto">
                  as “{a.matched}”
                </span>
              )}
              <span className="suggestion-count">
                {formatCount(a.countWithBranches)} records{a.countWithBranches !== a.count ? ' with branches' : ''}
              </span>
            </li>
          ))}
          {!answer.loading && actors.length === 0 && (
            <li className="muted" role="presentation">
              No group known by that name. Press Enter to search for it as written.
            </li>
          )}
        </ul>
      )}
    </div>
  );
}
