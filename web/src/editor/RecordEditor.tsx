/**
 * Creating or editing one record: the form, validation as you type, save (from the revision the editor
 * opened, so a save never overwrites someone else's), the conflict panel when it would have, and the workflow
 * moves. A new record is saved as a draft and opens for editing.
 */
import { useEffect, useRef, useState } from 'react';
import type { Status } from '../../../src/core/record.ts';
import type { EventRecord } from '../api/types.ts';
import { apiGet, apiSend, WriteError, type FieldError, type RevisionChanges } from '../auth/api-write.ts';
import type { Me } from '../auth/session.ts';
import { KeepFocusButton } from '../components/KeepFocusButton.tsx';
import { ConflictPanel } from './ConflictPanel.tsx';
import { blankRecord, changedKeys, fromRecord, type FormRecord } from './form-model.ts';
import { PageHeading } from './PageHeading.tsx';
import { RecordForm } from './RecordForm.tsx';
import { guardUnsaved, leaveNotice, linkTo, navigate, takeNotice } from './routes.ts';
import { useValidation } from './use-validation.ts';
import { WorkflowBar } from './WorkflowBar.tsx';

interface Loaded {
  record: EventRecord;
  note: string;
}

/** The page; without `id` it creates a record. */
export function RecordEditor({ id, me }: { id?: string; me: Me }) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [form, setForm] = useState<FormRecord>(blankRecord);
  const [note, setNote] = useState('');
  const [comment, setComment] = useState('');
  const [touched, setTouched] = useState(Boolean(id));
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [failure, setFailure] = useState<{ message: string; fields: FieldError[] } | null>(null);
  const [conflict, setConflict] = useState<{ current: EventRecord; theirChanges: RevisionChanges[]; note: string } | null>(null);
  // Save is not held while a check runs: the server validates the save itself, and a button that went grey for a
  // moment after every keystroke swallowed clicks that landed in that moment.
  const { errors } = useValidation(form, id, touched);

  const load = (record: EventRecord, noteText: string) => {
    setLoaded({ record, note: noteText });
    setForm(fromRecord(record));
    setNote(noteText);
  };

  useEffect(() => {
    if (!id) return;
    let live = true;
    apiGet<{ record: EventRecord; curation?: { note: string | null } | null }>(`records/${encodeURIComponent(id)}`).then(
      (d) => live && load(d.record, d.curation?.note ?? ''),
      (e: unknown) => live && setFailure({ message: e instanceof Error ? e.message : String(e), fields: [] }),
    );
    return () => {
      live = false;
    };
  }, [id]);

  // A record just created opens here, in a new form: say that it was saved once the status line is on the page (a
  // status region filled as it appears is not reliably read out).
  const shown = loaded !== null;
  useEffect(() => {
    const notice = shown && takeNotice();
    if (notice) setMessage(notice);
  }, [shown]);

  const dirty = loaded ? JSON.stringify(form) !== JSON.stringify(fromRecord(loaded.record)) || note !== loaded.note : true;
  // Leaving with changes not saved asks first (a new form counts once something is typed in it).
  const unsaved = touched && dirty;
  const unsavedNow = useRef(unsaved);
  unsavedNow.current = unsaved;
  useEffect(() => guardUnsaved(() => unsavedNow.current), []);
  const change = (r: FormRecord) => {
    setForm(r);
    setTouched(true);
    setMessage(null);
  };

  const fail = async (e: unknown) => {
    if (e instanceof WriteError && e.conflict) {
      // The conflict brings their record but not the curators' note as it is now: ask for it, so that neither
      // choice puts back the note as it was when this page opened.
      const current = e.conflict.current;
      const theirNote = await apiGet<{ curation?: { note: string | null } | null }>(`records/${encodeURIComponent(current.id)}`).then(
        (d) => d.curation?.note ?? '',
        () => loaded?.note ?? '',
      );
      setConflict({ ...e.conflict, note: theirNote });
    } else setFailure({ message: e instanceof Error ? e.message : String(e), fields: e instanceof WriteError ? e.fields : [] });
  };

  const save = async () => {
    setBusy(true);
    setFailure(null);
    // The status line speaks of this attempt only: a hint left from before (after a conflict) would read as its result.
    setMessage(null);
    try {
      const body = { record: form, ...(comment.trim() ? { comment: comment.trim() } : {}), note: note.trim() ? note : null };
      if (!loaded) {
        const { record } = await apiSend<{ record: EventRecord }>('POST', 'records', body);
        leaveNotice(`Saved as a draft (revision ${record.revision}).`);
        navigate(`/editor/records/${encodeURIComponent(record.id)}`, true);
        return;
      }
      const { record, changed } = await apiSend<{ record: EventRecord; changed: boolean }>('PUT', `records/${encodeURIComponent(loaded.record.id)}`, { ...body, baseRevision: loaded.record.revision });
      load(record, note.trim() ? note : '');
      setComment('');
      setMessage(changed ? `Saved as revision ${record.revision}.` : 'Nothing had changed.');
    } catch (e) {
      await fail(e);
    } finally {
      setBusy(false);
    }
  };

  const move = async (to: Status) => {
    if (!loaded) return;
    setBusy(true);
    setFailure(null);
    try {
      const { record } = await apiSend<{ record: EventRecord }>('POST', `records/${encodeURIComponent(loaded.record.id)}/transition`, { to, baseRevision: loaded.record.revision });
      load(record, loaded.note);
      setMessage(`Now ${record.status} (revision ${record.revision}).`);
    } catch (e) {
      await fail(e);
    } finally {
      setBusy(false);
    }
  };

  const keepMine = () => {
    if (!conflict || !loaded) return;
    // My edits are the fields I changed from the version I opened; they go onto the version saved since.
    const mine = changedKeys(fromRecord(loaded.record), form);
    const theirs = fromRecord(conflict.current);
    const merged = { ...theirs, ...Object.fromEntries(mine.map((k) => [k, form[k]])) } as FormRecord;
    // The note likewise: mine if I changed it, else theirs.
    const myNote = note !== loaded.note ? note : conflict.note;
    setLoaded({ record: conflict.current, note: conflict.note });
    setForm(merged);
    setNote(myNote);
    setConflict(null);
    setMessage('Your changes are on top of the latest version. Check them, then save again.');
  };
  const takeTheirs = () => {
    if (!conflict || !loaded) return;
    load(conflict.current, conflict.note);
    setConflict(null);
  };

  if (id && !loaded) return <p className="muted">{failure ? <span className="error">{failure.message}</span> : 'Loading…'}</p>;
  const record = loaded?.record;
  const imported = record && record.provenance.dataset !== 'curated' ? record.provenance.dataset : null;

  return (
    <div className="record-editor">
      <header className="editor-page-head">
        <PageHeading>{record ? 'Edit record' : 'New record'}</PageHeading>
        {record && (
          <span className="muted small" data-testid="record-id">
            {record.id} · revision {record.revision} ·{' '}
            <a href={`/editor/records/${encodeURIComponent(record.id)}/history`} onClick={linkTo(`/editor/records/${encodeURIComponent(record.id)}/history`)}>
              History
            </a>{' '}
            · <a href={`/?record=${encodeURIComponent(record.id)}`}>On the map</a>
          </span>
        )}
      </header>
      {record && <WorkflowBar status={record.status} moves={me.moves[record.status] ?? []} dirty={dirty} busy={busy} onMove={(to) => void move(to)} />}
      {conflict && <ConflictPanel theirChanges={conflict.theirChanges} onKeepMine={keepMine} onTakeTheirs={takeTheirs} />}
      {touched && errors.length > 0 && (
        <div className="error-summary" role="status" data-testid="error-summary">
          <strong>{errors.length === 1 ? 'One thing to fix' : `${errors.length} things to fix`}:</strong>
          <ul>
            {errors.map((e) => (
              <li key={e.field}>
                <code>{e.field}</code>: {e.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      <RecordForm
        value={form}
        onChange={change}
        errors={[...errors, ...(failure?.fields ?? [])]}
        dataset={imported}
        {...(record ? { selfId: record.id } : {})}
        note={note}
        onNote={(n) => (setNote(n), setTouched(true))}
        {...(record && (record.status === 'published' || record.status === 'archived') && !me.rights.publish
          ? { visibilityLocked: `Who reads a ${record.status} record is a reviewer's decision, as publishing is.` }
          : {})}
      />
      <div className="save-bar">
        <label className="comment">
          Why (kept with the revision)
          <input value={comment} onChange={(e) => setComment(e.target.value)} placeholder="e.g. casualty figures from the hospital" data-testid="comment" />
        </label>
        <KeepFocusButton className="button primary" unavailable={busy || !dirty || (touched && errors.length > 0)} onClick={() => void save()} data-testid="save">
          {busy ? 'Saving…' : record ? 'Save' : 'Save as draft'}
        </KeepFocusButton>
        {/* Always on the page, so that a message put in it is read out. */}
        <span className="muted" role="status" data-testid="save-message">
          {message}
        </span>
        {failure && (
          <span className="error" role="alert">
            {failure.message}
          </span>
        )}
      </div>
    </div>
  );
}
