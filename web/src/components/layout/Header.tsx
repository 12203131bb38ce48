/** The top bar: the name, the keyword and actor searches, and Share / Embed / Export. */
import type { ReactNode } from 'react';
import { AuthLink } from '../../auth/AuthLink.tsx';

export interface HeaderProps {
  search: ReactNode;
  actions: ReactNode;
  /** The phone layout's button that opens the filter column. */
  filtersButton: ReactNode;
  /** Out of reach while a modal (the filters drawer) is over it. */
  inert?: boolean;
}

/** The header. */
export function Header({ search, actions, filtersButton, inert }: HeaderProps) {
  return (
    <header className="app-header" inert={inert}>
      {/* The page's title for screen readers and headings navigation; the brand beside it is a link. */}
      <h1 className="visually-hidden">Sitrep: activity map, table and charts</h1>
      <a className="brand" href="/" aria-label="Sitrep — start over with no filters">
        <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
          <circle cx="12" cy="12" r="10" fill="none" stroke="currentColor" strokeWidth="2" />
          <circle cx="12" cy="12" r="5" fill="none" stroke="currentColor" strokeWidth="2" />
          <circle cx="12" cy="12" r="1.6" fill="currentColor" />
        </svg>
        <span>Sitrep</span>
      </a>
      <div className="header-search">{search}</div>
      <div className="header-actions">
        {filtersButton}
        {actions}
        <AuthLink />
      </div>
    </header>
  );
}
