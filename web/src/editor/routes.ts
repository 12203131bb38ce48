/**
 * The editor's pages live under `/editor` (the server answers every path with the app): a small router over
 * `location.pathname` with history navigation, so each page has an address that can be shared or reloaded.
 */
import { useEffect, useState, type MouseEvent } from 'react';

export type EditorRoute =
  | { page: 'home' }
  | { page: 'login'; next: string }
  | { page: 'new' }
  | { page: 'edit'; id: string }
  | { page: 'history'; id: string }
  | { page: 'review' }
  | { page: 'tokens' }
  | { page: 'import' }
  | { page: 'users' };

/** True for addresses the editor handles. */
export const isEditorPath = (path: string): boolean => path === '/editor' || path.startsWith('/editor/');

/**
 * Where to go after signing in: a page of this site's map or editor, and nowhere else — a fresh sign-in must not
 * be sent to another site. The address is resolved as the browser would (`/\evil.example` and `/<tab>/evil.example`
 * are other sites to a browser), then only its path and query are kept.
 */
function safeNext(next: string | null, origin = 'http://sitrep.invalid'): string {
  if (!next || !next.startsWith('/')) return '/editor';
  try {
    const url = new URL(next, origin);
    return url.origin === origin ? url.pathname + url.search : '/editor';
  } catch {
    return '/editor';
  }
}

/** Reads a route from an address. */
export function parseRoute(pathname: string, search: string): EditorRoute {
  const parts = pathname.replace(/^\/editor\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'login') {
    return { page: 'login', next: safeNext(new URLSearchParams(search).get('next')) };
  }
  if (parts[0] === 'new') return { page: 'new' };
  if (parts[0] === 'review') return { page: 'review' };
  if (parts[0] === 'tokens') return { page: 'tokens' };
  if (parts[0] === 'import') return { page: 'import' };
  if (parts[0] === 'users') return { page: 'users' };
  if (parts[0] === 'records' && parts[1]) return parts[2] === 'history' ? { page: 'history', id: parts[1] } : { page: 'edit', id: parts[1] };
  return { page: 'home' };
}

/** The address of a route. */
export function routePath(route: EditorRoute): string {
  switch (route.page) {
    case 'home': return '/editor';
    case 'login': return `/editor/login?next=${encodeURIComponent(route.next)}`;
    case 'new': return '/editor/new';
    case 'review': return '/editor/review';
    case 'tokens': return '/editor/tokens';
    case 'import': return '/editor/import';
    case 'users': return '/editor/users';
    case 'edit': return `/editor/records/${encodeURIComponent(route.id)}`;
    case 'history': return `/editor/records/${encodeURIComponent(route.id)}/history`;
  }
}

const changed = 'sitrep:navigate';

/** Set when the page changes in place: the new page's heading then takes focus (see PageHeading). */
let headingWanted = false;

/** Whether the page has just changed in place; asking clears it, so one heading takes focus once. */
export function takeHeadingFocus(): boolean {
  const wanted = headingWanted;
  headingWanted = false;
  return wanted;
}

/** A message for the next page to show: a record saved for the first time opens at its address in a new form. */
let notice: string | null = null;

/** Leaves `text` for the next page to say. */
export function leaveNotice(text: string): void {
  notice = text;
}

/** The message left for this page, if any; asking clears it. */
export function takeNotice(): string | null {
  const text = notice;
  notice = null;
  return text;
}

/** Whether the page shows work that is not saved (set by the record form); leaving it then asks first. */
let unsaved: () => boolean = () => false;
const leaveAnyway = () => !unsaved() || window.confirm('Leave this page? Your changes to the record are not saved.');

/**
 * While `hasUnsaved()` is true, leaving asks first: a link in the editor, Back and Forward, a reload or closing the
 * tab. Returns the function that lifts the guard.
 */
export function guardUnsaved(hasUnsaved: () => boolean): () => void {
  unsaved = hasUnsaved;
  const beforeUnload = (e: BeforeUnloadEvent) => {
    if (!hasUnsaved()) return;
    e.preventDefault();
    e.returnValue = '';
  };
  window.addEventListener('beforeunload', beforeUnload);
  return () => {
    if (unsaved === hasUnsaved) unsaved = () => false;
    window.removeEventListener('beforeunload', beforeUnload);
  };
}

/**
 * Goes to `path` within the page (or loads it when it is outside the editor). A replacing move is the page's own
 * (after a save), never asked about.
 */
export function navigate(path: string, replace = false): void {
  const url = new URL(path, window.location.href);
  if (!replace && !leaveAnyway()) return;
  if (!isEditorPath(url.pathname)) {
    window.location.assign(url.href);
    return;
  }
  if (replace) window.history.replaceState(null, '', url.pathname + url.search);
  else window.history.pushState(null, '', url.pathname + url.search);
  window.dispatchEvent(new Event(changed));
}

/** An in-page link's click handler: plain clicks navigate in place, modified clicks open as the browser would. */
export function linkTo(path: string) {
  return (e: MouseEvent) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(path);
  };
}

/** The current route, following navigation and Back/Forward. */
export function useRoute(): EditorRoute {
  const read = () => parseRoute(window.location.pathname, window.location.search);
  const [route, setRoute] = useState(read);
  useEffect(() => {
    let shown = window.location.pathname + window.location.search;
    const update = () => {
      shown = window.location.pathname + window.location.search;
      headingWanted = true;
      setRoute(read());
    };
    // Back and Forward have moved the address already: staying puts it back.
    const back = () => {
      if (leaveAnyway()) update();
      else window.history.pushState(null, '', shown);
    };
    window.addEventListener('popstate', back);
    window.addEventListener(changed, update);
    return () => {
      window.removeEventListener('popstate', back);
      window.removeEventListener(changed, update);
    };
  }, []);
  return route;
}
