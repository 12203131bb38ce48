/**
 * Importing a file in the browser (`/editor/import`, reviewers and admins): the file goes to `POST /api/imports`
 * as it is, the page shows the rows read as the server reports them, then what the import did and the first rows
 * it rejected. The server imports it as `sitrep import` would: whole or not at all, never twice.
 */
import { useEffect, useState } from 'react';
import type { ImportFormat, ImportReport } from '../../../src/core/importing.ts';
import { errorText } from '../api/client.ts';
import { apiGet, csrfHeader } from '../auth/api-write.ts';

type Progress = { rows: number; fraction: number | null; stage: 'reading' | 'writing' };
type Line = { progress?: Progress; reports?: ImportReport[]; error?: { message: string; hint?: string } };

/** Posts `file` and calls `onLine` with each line of the streamed answer; resolves with the reports. */
async function postImport(file: File, options: { format: string; mapping: File | null; sync: boolean; maxRejectPercent: number }, onLine: (line: Line) => void): Promise<ImportReport[]> {
  const params = new URLSearchParams({ file_name: file.name, max_reject_rate: String(options.maxRejectPercent / 100) });
  if (options.format) params.set('format', options.format);
  if (options.sync) params.set('sync', 'true');
  const headers: Record<string, string> = { ...csrfHeader(), Accept: 'application/x-ndjson', 'Content-Type': 'application/octet-stream' };
  if (options.mapping) {
    headers['Sitrep-Mapping'] = encodeURIComponent(await options.mapping.text());
    params.set('mapping_name', options.mapping.name);
  }
  const res = await fetch(`/api/imports?${params}`, { method: 'POST', headers, body: file, credentials: 'same-origin' });
  if (!res.ok || !res.body) {
    const e = ((await res.json().catch(() => null)) as Line | null)?.error;
    throw new Error(e ? errorText(e) : `${res.status} ${res.statusText}`);
  }
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let rest = '';
  for (;;) {
    const { done, value } = await reader.read();
    const parts = (rest + (value ?? '')).split('\n');
    rest = done ? '' : parts.pop()!;
    for (const part of parts.filter((p) => p.trim())) {
      const line = JSON.parse(part) as Line;
      if (line.error) throw new Error(errorText(line.error));
      if (line.reports) return line.reports;
      onLine(line);
    }
    if (done) throw new Error('the server closed the connection before the import finished; an import commits whole or not at all, so it is safe to try again');
  }
}

/** A file size as people read it: 849 MB, 12 kB. */
const formatBytes = (n: number) => (n >= 1e9 ? `${(n / 1e9).toFixed(1)} GB` : n >= 1e6 ? `${Math.round(n / 1e6)} MB` : `${Math.max(1, Math.round(n / 1e3))} kB`);

/** The counts of a report shown, in this order, with their labels. */
const countLabels = {
  read: 'rows read', inserted: 'new records', updated: 'updated', unchanged: 'unchanged', archived: 'archived', rejected: 'rejected', unresolvedActors: 'actor names not in the registry',
} satisfies Partial<Record<keyof ImportReport, string>>;
const counts = Object.keys(countLabels) as (keyof typeof countLabels)[];

export function ImportPage() {
  const [formats, setFormats] = useState<ImportFormat[]>([]);
  const [format, setFormat] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [mapping, setMapping] = useState<File | null>(null);
  const [sync, setSync] = useState(false);
  const [maxRejectPercent, setMaxRejectPercent] = useState(1);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [reports, setReports] = useState<ImportReport[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);

  useEffect(() => {
    apiGet<{ formats: ImportFormat[] }>('imports/formats').then((r) => setFormats(r.formats), () => setFormats([]));
  }, []);

  const start = async () => {
    if (!file) return;
    setRunning(true);
    setReports(null);
    setError(null);
    setProgress(null);
    try {
      setReports(await postImport(file, { format, mapping, sync, maxRejectPercent }, (line) => line.progress && setProgress(line.progress)));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setRunning(false);
      setProgress(null);
    }
  };

  return (
    <section className="imports">
      <h1>Import a file</h1>
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
          {!progress
            ? `Sending the file (${file ? formatBytes(file.size) : ''})…`
            : progress.stage === 'writing'
              ? `${progress.rows.toLocaleString('en')} rows read; writing them to the store…`
              : `${progress.rows.toLocaleString('en')} rows read${progress.fraction !== null ? ` (${Math.round(progress.fraction * 100)}%)` : ''}…`}
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
            {counts.map((k) => (
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
                <thead>
                  <tr>
                    <th>line</th>
                    <th>column</th>
                    <th>value</th>
                    <th>reason</th>
                  </tr>
                </thead>
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
    </section>
  );
}
