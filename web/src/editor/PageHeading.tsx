/**
 * An editor page's level-one heading. After a move to another page within the editor it takes focus (it is
 * focusable from script only), so a screen reader says which page opened and Tab goes on from its top — not from
 * the link followed, or from the page itself when the control pressed has gone.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { takeHeadingFocus } from './routes.ts';

/** The heading; `className` hides it visually on a page whose sections say enough (visually-hidden). */
export function PageHeading({ children, className, id }: { children: ReactNode; className?: string; id?: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  // On mount: a page still loading (a record) shows its heading once it has loaded, and takes focus then.
  useEffect(() => {
    if (takeHeadingFocus()) heading.current?.focus();
  }, []);
  return (
    <h1 ref={heading} tabIndex={-1} className={className} id={id}>
      {children}
    </h1>
  );
}
