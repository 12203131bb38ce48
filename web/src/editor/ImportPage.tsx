/**
 * Importing a file in the browser (`/editor/import`, reviewers and admins): the file goes to `POST /api/imports`
 * as it is, the page shows the rows read as the server reports them, then what the import did and the first rows
 * it rejected. The server imports it as `sitrep import` would: whole or not at all, never twice. Below, the import
 * log: the latest imports into the store, through this page or `sitrep import`.
 */
import { useEffect, useState } from 'react';
import type { ImportLogEntry } from '../../../src/core/event-store.ts';
import type { ImportFormat, ImportReport } from '../../../src/core/importing.ts';
import { errorText } from '../api/client.ts';
import { apiGet, csrfHeader } from '../auth/api-write.ts';
import { ColumnHeads } from './form-controls.tsx';
import { PageHeading } from './PageHeading.tsx';

/** What the page shows while an import runs: the upload, then the rows the server has read, then the writing. */
type Progress = { stage: 'sending'; sent: number; total: number } | { stage: 'reading' | 'writing'; rows: number; fraction: number | null };
type Line = { progress?: Progress; reports?: ImportReport[]; error?: { message: string; hint?: string } };

const lostConnection = 'the connection to the server ended before the import finished; an import commits whole or not at all, so it is safe to try again';

/**
 * Posts `file` and calls `onProgress` as it is sent (XMLHttpRequest, because fetch reports no upload progress: a
 * large file would show nothing for minutes) and with each progress line of the streamed answer; resolves with the
 * reports.
 */
async function postImport(
  file: File, options: { format: string; sheet: string; mapping: File | null; sync: boolean; maxRejectPercent: number }, onProgress: (p: Progress) => void,
): Promise<ImportReport[]> {
  const params = new URLSearchParams({ file_name: file.name, max_reject_rate: String(options.maxRejectPercent / 100) });
  if (options.format) params.set('format', options.format);
  if (options.sheet.trim() && mayHoldWorkbook(file)) params.set('sheet', options.sheet.trim());
  if (options.sync) params.set('sync', 'true');
  const headers: Record<string, string> = { ...csrfHeader(), Accept: 'application/x-ndjson', 'Content-Type': 'application/octet-stream' };
  if (options.mapping) {
    headers['Sitrep-Mapping'] = encodeURIComponent(await options.mapping.text());
    params.set('mapping_name', options.mapping.name);
  }
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      outcome();
    };
    // The answer's complete lines not yet read start here.
    let read = 0;
    const readLines = () => {
      if (settled) return;
      const text = xhr.responseText;
      const end = text.lastIndexOf('\n') + 1;
      const parts = text.slice(read, end).split('\n').filter((l) => l.trim());
      read = end;
      for (const part of parts) {
        let line: Line;
        try {
          line = JSON.parse(part) as Line;
        } catch {
          return finish(() => reject(new Error(`the server answered something that is not an import's progress: ${part.slice(0, 80)}`)));
        }
        if (line.error) return finish(() => reject(new Error(errorText(line.error!))));
        if (line.reports) return finish(() => resolve(line.reports!));
        if (line.progress) onProgress(line.progress);
      }
    };
    xhr.open('POST', `/api/imports?${params}`);
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress({ stage: 'sending', sent: e.loaded, total: e.total });
    xhr.onprogress = () => xhr.status === 200 && readLines();
    xhr.onload = () => {
      if (xhr.status !== 200) {
        const e = (() => { try { return (JSON.parse(xhr.responseText) as Line).error; } catch { return undefined; } })();
        return finish(() => reject(new Error(e ? errorText(e) : `${xhr.status} ${xhr.statusText}`)));
      }
      readLines();
      finish(() => reject(new Error(lostConnection)));
    };
    xhr.onerror = () => finish(() => reject(new Error(lostConnection)));
    xhr.send(file);
  });
}

const isWorkbook = (file: File | null) => Boolean(file && /\.xlsx$/i.test(file.name));
/** Whether the file is, or may hold, an Excel workbook (a zip may): then a sheet can be named. */
const mayHoldWorkbook = (file: File | null) => isWorkbook(file) || Boolean(file && /\.zip$/i.test(file.name));

/** A file size as people read it: 849 MB, 12 kB. */
const formatBytes = (n: number) => (n >= 1e9 ? `${(n / 1e9).toFixed(1)} GB` : n >= 1e6 ? `${Math.round(n / 1e6)} MB` : `${Math.max(1, Math.round(n / 1e3))} kB`);

/** The status line of a running import. */
function progressText(progress: Progress | null, file: File | null): string {
  if (!progress) return `Sending the file (${file ? formatBytes(file.size) : ''})…`;
  if (progress.stage === 'sending') return `Sending the file: ${formatBytes(progress.sent)} of ${formatBytes(progress.total)} (${Math.floor((progress.sent / progress.total) * 100)}%)…`;
  if (progress.stage === 'writing') return `${progress.rows.toLocaleString('en')} rows read; writing them to the store${progress.fraction ? ` (${Math.round(progress.fraction * 100)}%)` : ''}…`;
  return `${progress.rows.toLocaleString('en')} rows read${progress.fraction !== null ? ` (${Math.round(progress.fraction * 100)}%)` : ''}…`;
}

/** The counts of a report shown, in this order, with their labels. */
const countLabels = {
  read: 'rows read', skipped: 'rows left out (event codes not chosen)', inserted: 'new records', updated: 'updated', unchanged: 'unchanged', archived: 'archived', rejected: 'rejected', unresolvedActors: 'actor names not in the registry',
} satisfies Partial<Record<keyof ImportReport, string>>;
const counts = Object.keys(countLabels) as (keyof typeof countLabels)[];

export function ImportPage() {
  const [formats, setFormats] = useState<ImportFormat[]>([]);
  const [format, setFormat] = useState('');
  const [sheet, setSheet] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [mapping, setMapping] = useState<File | null>(null);
  const [sync, setSync] = useState(false);
  const [maxRejectPercent, setMaxRejectPercent] = useState(1);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [reports, setReports] = useState<ImportReport[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);

  const [log, setLog] = useState<ImportLogEntry[]>([]);
  const loadLog = () => apiGet<{ imports: ImportLogEntry[] }>('imports?limit=20').then((r) => setLog(r.imports), () => setLog([]));

  useEffect(() => {
    apiGet<{ formats: ImportFormat[] }>('imports/formats').then((r) => setFormats(r.formats), () => setFormats([]));
    void loadLog();
  }, []);

  const start = async () => {
    if (!file) return;
    setRunning(true);
    setReports(null);
    setError(null);
    setProgress(null);
    try {
      setReports(await postImport(file, { format, sheet, mapping, sync, maxRejectPercent }, setProgress));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setRunning(false);
      setProgress(null);
      void loadLog();
    }
  };

  return (
    <section className="imports">
      <PageHeading>Import a file</PageHeading>
      <p className="muted">
        A dataset export as you downloaded it — UCDP GED, ACLED, GTD, GDELT, or Sitrep's own CSV/NDJSON; plain, .gz or .zip — or any table with a column
        mapping. The whole file is imported or nothing; importing it again adds nothing and updates what changed.
      </p>
      <div className="ed-grid">
        <label>
          File
          <input type="file" data-testid="import-file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </label>
        <label>
          Format
          <select value={format} onChange={(e) => setFormat(e.target.value)} data-testid="import-format">
            <option value="">Detect from the file</option>
            {formats.map((f) => (
              <option key={f.name} value={f.name} title={f.description}>
                {f.name}
              </option>
            ))}
          </select>
        </label>
        {mayHoldWorkbook(file) && (
          <label>
            {isWorkbook(file) ? 'Sheet' : 'Sheet of the workbooks in the zip'} (name or number; empty: the first)
            <input type="text" value={sheet} maxLength={100} onChange={(e) => setSheet(e.target.value)} data-testid="import-sheet" />
          </label>
        )}
        <label>
          Column mapping (only for other tables)
          <input type="file" accept=".json,.yaml,.yml" data-testid="import-mapping" onChange={(e) => setMapping(e.target.files?.[0] ?? null)} />
        </label>
        <label>
          Rows that may be rejected (%)
          <input type="number" min={0} max={100} step={0.1} value={maxRejectPercent} onChange={(e) => setMaxRejectPercent(Number(e.target.value))} />
        </label>
        <label className="check">
          <input type="checkbox" checked={sync} onChange={(e) => setSync(e.target.checked)} /> The file is the whole dataset: archive its records the file no longer has
        </label>
      </div>
      <p>
        <button type="button" className="button primary" disabled={!file || running || !(maxRejectPercent >= 0 && maxRejectPercent <= 100)} onClick={() => void start()}>
          Import
        </button>
      </p>
      {running && (
        <p className="notice" role="status" data-testid="import-progress">
          {progressText(progress, file)}
        </p>
      )}
      {error && (
        <p className="error" role="alert" data-testid="import-error">
          Nothing was imported: {error}
        </p>
      )}
      {reports?.map((r) => (
        <div key={r.file} className="import-report" data-testid="import-report">
          <h2>
            {r.file} <span className="muted small">({r.format}, {r.seconds.toFixed(1)} s)</span>
          </h2>
          <dl className="import-counts">
            {counts.filter((k) => k !== 'skipped' || r.skipped).map((k) => (
              <div key={k}>
                <dt>{countLabels[k]}</dt>
                <dd data-testid={`import-${k}`}>{r[k].toLocaleString('en')}</dd>
              </div>
            ))}
          </dl>
          {r.rejections.length > 0 && (
            <>
              <h3>Rejected rows{r.rejected > r.rejections.length ? ` (the first ${r.rejections.length})` : ''}</h3>
              <table className="diff">
                <ColumnHeads columns={['line', 'column', 'value', 'reason']} />
                <tbody>
                  {r.rejections.map((j) => (
                    <tr key={`${j.file}:${j.line}`}>
                      <td>{j.line}</td>
                      <td>{j.column ?? ''}</td>
                      <td dir="auto">{j.value ?? ''}</td>
                      <td>{j.reason}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </div>
      ))}
      {reports && (
        <p>
          <a href={`/?${new URLSearchParams({ dataset: [...new Set(reports.flatMap((r) => r.datasets))].join(',') })}`} data-testid="import-map-link">
            See the imported datasets on the map
          </a>
        </p>
      )}
      {log.length > 0 && (
        <>
          <h2>Latest imports</h2>
          <table className="diff import-log" data-testid="import-log">
            <ColumnHeads columns={['when', 'by', 'file', 'format', 'read', 'inserted', 'updated', 'unchanged', 'rejected']} />
            <tbody>
              {log.map((e) => (
                <tr key={`${e.at}:${e.file}`}>
                  <td>{new Date(e.at).toLocaleString()}</td>
                  <td>{e.by}</td>
                  <td dir="auto">{e.file}</td>
                  <td>{e.format}</td>
                  {([e.read, e.inserted, e.updated, e.unchanged, e.rejected] as const).map((n, i) => (
                    <td key={i} className="num">
                      {n.toLocaleString('en')}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
