/**
 * Share (copy this view's address), Embed (an iframe snippet) and Export (the selection as CSV or GeoJSON,
 * streamed by the API with the current filters — every record, no row cap).
 */
import { useEffect, useRef, useState } from 'react';
import { apiUrl } from '../../api/client.ts';
import { copyText } from './copy-text.ts';
import { EmbedDialog } from './EmbedDialog.tsx';

export interface ShareBarProps {
  /** The filter parameters of the selection. */
  entries: [string, string][];
}

/** The three actions. */
export function ShareBar({ entries }: ShareBarProps) {
  const [status, setStatus] = useState('');
  const [embed, setEmbed] = useState(false);
  const [exportOpen, setExportOpen] = useState(false);
  const menu = useRef<HTMLDivElement>(null);
  const exportButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!status) return;
    const t = setTimeout(() => setStatus(''), 2500);
    return () => clearTimeout(t);
  }, [status]);

  useEffect(() => {
    if (!exportOpen) return;
    const close = (e: MouseEvent | KeyboardEvent) => {
      if (e instanceof KeyboardEvent) {
        if (e.key !== 'Escape') return;
        // Handled: the record open behind the menu stays open (see RecordPanel).
        e.preventDefault();
        // Escape from inside the menu puts focus back on its button, not on the page.
        if (menu.current?.contains(document.activeElement)) exportButton.current?.focus();
        setExportOpen(false);
      } else if (!menu.current?.contains(e.target as Node)) setExportOpen(false);
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [exportOpen]);

  const share = async () => setStatus((await copyText(window.location.href)) ? 'Link copied' : 'Copy the address bar to share');

  return (
    <div className="share-bar">
      <button type="button" className="button" onClick={share} data-testid="share">
        Share
      </button>
      <button type="button" className="button" onClick={() => setEmbed(true)} data-testid="embed">
        Embed
      </button>
      <div className="menu" ref={menu}>
        {/* A disclosure of three download links (not an ARIA menu, which would promise arrow-key menu items). */}
        <button type="button" className="button" ref={exportButton} aria-expanded={exportOpen} aria-controls="export-formats" onClick={() => setExportOpen(!exportOpen)}>
          Export ▾
        </button>
        {exportOpen && (
          <ul className="menu-list" id="export-formats" aria-label="Export formats">
            <li>
              <a href={apiUrl('export', [...entries, ['format', 'csv']])} download onClick={() => setExportOpen(false)} data-testid="export-csv">
                CSV (spreadsheet)
              </a>
            </li>
            <li>
              <a href={apiUrl('export', [...entries, ['format', 'geojson']])} download onClick={() => setExportOpen(false)}>
                GeoJSON (GIS)
              </a>
            </li>
            <li>
              <a href={apiUrl('export', [...entries, ['format', 'ndjson']])} download onClick={() => setExportOpen(false)}>
                NDJSON (complete records)
              </a>
            </li>
          </ul>
        )}
      </div>
      <span className="share-status" role="status" aria-live="polite">
        {status}
      </span>
      {embed && <EmbedDialog url={window.location.href} onClose={() => setEmbed(false)} />}
    </div>
  );
}
