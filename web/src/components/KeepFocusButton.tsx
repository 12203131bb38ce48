/**
 * A button that, while it cannot act (loading, saving, nothing to save), says so with `aria-disabled` instead of
 * being disabled: a disabled button drops keyboard focus to the page, so whoever pressed it would have to find
 * their place again. Clicks are ignored while it is unavailable.
 *
 * @example
 * <KeepFocusButton className="button" unavailable={loading} onClick={loadMore}>Show more</KeepFocusButton>
 */
import type { ButtonHTMLAttributes } from 'react';

export interface KeepFocusButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'disabled' | 'type'> {
  unavailable: boolean;
}

/** The button. */
export function KeepFocusButton({ unavailable, onClick, ...props }: KeepFocusButtonProps) {
  return <button type="button" {...props} aria-disabled={unavailable || undefined} onClick={unavailable ? undefined : onClick} />;
}
