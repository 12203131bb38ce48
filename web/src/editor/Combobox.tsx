/**
 * A search box with suggestions, usable from the keyboard as with a mouse: ↓/↑ move through the suggestions,
 * Enter takes the highlighted one, Escape clears the box (the ARIA combobox pattern with a listbox popup).
 */
import { useEffect, useState, type ReactNode } from 'react';

export interface ComboboxProps<T> {
  id: string;
  label: string;
  placeholder: string;
  query: string;
  onQuery: (q: string) => void;
  /** The suggestions for the current query; an empty list closes the popup. */
  options: readonly T[];
  optionKey: (o: T) => string;
  renderOption: (o: T) => ReactNode;
  onChoose: (o: T) => void;
  /** What the suggestions are, for assistive technology ("Actors"). */
  listLabel: string;
  testId?: string;
  listTestId?: string;
  optionTestId?: string;
}

/** The box and its popup. */
export function Combobox<T>({ id, label, placeholder, query, onQuery, options, optionKey, renderOption, onChoose, listLabel, testId, listTestId, optionTestId }: ComboboxProps<T>) {
  const [active, setActive] = useState(0);
  // New suggestions start from the first.
  useEffect(() => setActive(0), [options]);
  const open = options.length > 0;
  const at = Math.min(active, options.length - 1);
  return (
    <div className="search-add">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        role="combobox"
        aria-expanded={open}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={open ? `${id}-option-${at}` : undefined}
        value={query}
        placeholder={placeholder}
        data-testid={testId}
        onChange={(e) => onQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && query) {
            // Handled: nothing around the box should take this Escape as well.
            e.preventDefault();
            onQuery('');
          }
          if (!open) return;
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            setActive(e.key === 'ArrowDown' ? Math.min(at + 1, options.length - 1) : Math.max(at - 1, 0));
          } else if (e.key === 'Enter') {
            // Enter takes a suggestion; it must not submit the form around the box.
            e.preventDefault();
            onChoose(options[at]!);
          }
        }}
      />
      {open && (
        <ul id={`${id}-list`} className="suggestions" role="listbox" aria-label={listLabel} data-testid={listTestId}>
          {options.map((o, i) => (
            <li key={optionKey(o)} id={`${id}-option-${i}`} role="option" aria-selected={i === at} className={i === at ? 'active' : undefined} data-testid={optionTestId} onMouseDown={(e) => (e.preventDefault(), onChoose(o))}>
              {renderOption(o)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
