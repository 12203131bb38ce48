/**
 * The keyword search (`q`): every word must appear in the description, place, actor names or sources. Applied
 * on Enter or after a pause in typing, so each search is one step in the browser's history, not one per letter.
 */
import { useEffect, useRef, useState } from 'react';

export interface KeywordBoxProps {
  value: string;
  onSearch: (q: string) => void;
}

/** The keyword field's id: one on the page, the place focus goes when the last filter chip is removed. */
export const keywordInputId = 'keywords';

/** The search form. */
export function KeywordBox({ value, onSearch }: KeywordBoxProps) {
  const id = keywordInputId;
  const [text, setText] = useState(value);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  // Back/forward or a cleared chip changes the value from outside.
  useEffect(() => setText(value), [value]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const commit = (q: string) => {
    clearTimeout(timer.current);
    if (q.trim() !== value) onSearch(q.trim());
  };
  const edit = (q: string) => {
    setText(q);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => commit(q), 900);
  };

  return (
    <form
      role="search"
      className="keyword-box"
      onSubmit={(e) => {
        e.preventDefault();
        commit(text);
      }}
    >
      <label htmlFor={id} className="visually-hidden">
        Keywords
      </label>
      <input
        id={id}
        type="search"
        placeholder="Keywords: place, tactic, words in the description…"
        title="Every word must appear; a word with a minus in front (-suicide) must not"
        dir="auto"
        value={text}
        maxLength={500}
        onChange={(e) => edit(e.target.value)}
        onKeyDown={(e) => {
          // Escape empties a search field; done here and marked handled, so that it does not close the open
          // record as well (see RecordPanel).
          if (e.key !== 'Escape' || !text) return;
          e.preventDefault();
          edit('');
        }}
      />
      <button type="submit" className="icon-button" aria-label="Search">
        <svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true">
          <circle cx="8.5" cy="8.5" r="5.5" fill="none" stroke="currentColor" strokeWidth="2" />
          <path d="M13 13l4.5 4.5" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
      </button>
    </form>
  );
}
