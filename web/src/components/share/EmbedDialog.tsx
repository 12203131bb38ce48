/**
 * The embed code: an `<iframe>` of this view with `embed=1`, which shows the map, timeline and legend without the
 * editing chrome. The reader picks a height and copies the snippet.
 */
import { useEffect, useRef, useState } from 'react';
import { copyText } from './copy-text.ts';

/** The framed page's address for a view's address: `embed=1`, without the open record and the tab. */
export function embedUrl(url: string): string {
  const u = new URL(url);
  u.searchParams.set('embed', '1');
  u.searchParams.delete('record');
  u.searchParams.delete('tab');
  return u.toString();
}

/** The iframe snippet for `url` (the current view's address). */
export function embedSnippet(url: string, height: number): string {
  const src = embedUrl(url).replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  return `<iframe src="${src}" width="100%" height="${height}" style="border:0" title="Sitrep activity map" loading="lazy" referrerpolicy="no-referrer"></iframe>`;
}

/** A modal dialog (native `<dialog>`: focus is trapped and Escape closes it). */
export function EmbedDialog({ url, onClose }: { url: string; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [height, setHeight] = useState(560);
  const [copied, setCopied] = useState(false);
  const snippet = embedSnippet(url, height);

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);

  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby="embed-title"
      onClose={onClose}
      // The dialog closes itself on Escape, but only after the keydown has reached the window, where the open record
      // would close too: marked handled here (which cancels the native close), it is closed by hand.
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        dialog.current?.close();
      }}
      data-testid="embed-dialog"
    >
      <h2 id="embed-title">Embed this view</h2>
      <p>Paste this into a web page. The frame shows the map, the timeline and the legend for the current filters.</p>
      <label className="field">
        <span>Height in pixels</span>
        <input type="number" min={300} max={1600} step={20} value={height} onChange={(e) => setHeight(Number(e.target.value) || 560)} />
      </label>
      <label className="field">
        <span>Code</span>
        <textarea readOnly rows={4} value={snippet} onFocus={(e) => e.currentTarget.select()} data-testid="embed-code" />
      </label>
      <div className="dialog-actions">
        <a className="button" href={embedUrl(url)} target="_blank" rel="noopener noreferrer">
          Preview
        </a>
        <button type="button" className="button primary" onClick={() => copyText(snippet).then(setCopied)}>
          {copied ? 'Copied' : 'Copy code'}
        </button>
        <button type="button" className="button" onClick={() => dialog.current?.close()}>
          Close
        </button>
      </div>
    </dialog>
  );
}
