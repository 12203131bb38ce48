/**
 * Who owns which field of an imported record (docs/curation.md, "Imported records").
 *
 * A record imported from a dataset is the dataset's: its date, place, actors, casualties, description and
 * sources stay as the dataset says, and a re-import updates them. Curators may add to it what the dataset does
 * not know — tags, links, its status and visibility, and a note — kept in a **curator overlay** beside the
 * record, so that a re-import, which rewrites the dataset's fields, puts the curator's additions back on top.
 * Curated records (`provenance.dataset` = `curated`) belong to their editors entirely; their overlay holds
 * only the note.
 *
 * @example
 * const overlay = curatorEdit(current, stored, edited, 'checked against the court file'); // or throws CurationError
 * const merged = applyOverlay(fromReimport, overlay);
 */
import { UserError } from './errors.ts';
import { periodStart, type EventRecord, type FieldProblem, type Status, type Visibility } from './record.ts';

type Link = EventRecord['links'][number];

/** What curators added to a record. */
export interface CuratorOverlay {
  /** Tags curators added (the dataset's own tags are not listed). */
  tags: string[];
  /** Links curators added. */
  links: Link[];
  /** The status a curator set; null: the dataset's. */
  status: Status | null;
  /** The visibility a curator set; null: the dataset's. */
  visibility: Visibility | null;
  /** A curator's note: internal, never shown to anonymous readers, never searched. */
  note: string | null;
}

export const emptyOverlay: CuratorOverlay = Object.freeze({ tags: [], links: [], status: null, visibility: null, note: null });

/** Fields of an imported record that curators own. */
export const curatorOwnedFields = ['tags', 'links', 'status', 'visibility'] as const;

/** True for a record that came from a dataset (not written by editors). */
export const isImported = (r: Pick<EventRecord, 'provenance'>): boolean => r.provenance.dataset !== 'curated';

const linkKey = (l: Link) => `${l.relation}\u0000${l.recordId}`;

/** The record a dataset's version becomes with the curators' additions on top. */
export function applyOverlay(fromDataset: EventRecord, overlay: CuratorOverlay | undefined): EventRecord {
  if (!overlay || !isImported(fromDataset)) return fromDataset;
  const tags = [...new Set([...fromDataset.tags, ...overlay.tags])];
  const seen = new Set(fromDataset.links.map(linkKey));
  const links = [...fromDataset.links, ...overlay.links.filter((l) => !seen.has(linkKey(l)))];
  return { ...fromDataset, tags, links, status: overlay.status ?? fromDataset.status, visibility: overlay.visibility ?? fromDataset.visibility };
}

/** A curator's edit that would change what a dataset owns: every field at fault. */
export class CurationError extends UserError {
  constructor(readonly problems: FieldProblem[]) {
    super(`${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`, problems[0]?.field);
    this.name = 'CurationError';
  }
}

/** Leaf paths where `a` and `b` differ (`place.lat`, `killed.best`, `sources`). */
function changedPaths(a: unknown, b: unknown, prefix = ''): string[] {
  if (JSON.stringify(a) === JSON.stringify(b)) return [];
  const plain = (v: unknown) => v != null && typeof v === 'object' && !Array.isArray(v);
  if (!plain(a) || !plain(b)) return [prefix || '(record)'];
  const [x, y] = [a as Record<string, unknown>, b as Record<string, unknown>];
  return [...new Set([...Object.keys(x), ...Object.keys(y)])].flatMap((k) => changedPaths(x[k] ?? null, y[k] ?? null, prefix ? `${prefix}.${k}` : k));
}

/**
 * The overlay after a curator saves `next` over `current` (with `note`: a new note, null to clear it,
 * undefined to leave it). For an imported record, the edit may only add or remove the curators' own tags and
 * links and set status and visibility.
 * @throws CurationError naming each dataset-owned field the edit would change.
 */
export function curatorEdit(current: EventRecord | undefined, overlay: CuratorOverlay | undefined, next: EventRecord, note?: string | null): CuratorOverlay {
  const before = overlay ?? emptyOverlay;
  const withNote = { ...before, note: note === undefined ? before.note : note };
  if (!current || !isImported(current)) return { ...withNote, tags: [], links: [], status: null, visibility: null };

  const ignore = new Set<string>([...curatorOwnedFields, 'revision']);
  // Dates are compared as the model keeps them: a month-precise date stored mid-month by an earlier version is the
  // same date as its first day, which is what validation now makes of it.
  const strip = (r: EventRecord) =>
    Object.fromEntries(Object.entries({ ...r, date: r.dateEnd ? r.date : periodStart(r.date, r.datePrecision) }).filter(([k]) => !ignore.has(k)));
  const problems: FieldProblem[] = changedPaths(strip(current), strip(next))
    .filter((f) => f !== 'provenance.importedAt')
    .map((field) => ({
      field,
      value: undefined,
      message: `comes from the dataset ${current.provenance.dataset} and a re-import would overwrite it: correct it in the dataset, or add a curated record linked to this one with same_event`,
    }));

  const datasetTags = current.tags.filter((t) => !before.tags.includes(t));
  const lost = datasetTags.filter((t) => !next.tags.includes(t));
  if (lost.length) problems.push({ field: 'tags', value: lost, message: `${lost.map((t) => JSON.stringify(t)).join(', ')} came from the dataset and cannot be removed here` });
  const curatorLinks = new Set(before.links.map(linkKey));
  const datasetLinks = current.links.filter((l) => !curatorLinks.has(linkKey(l)));
  const nextLinks = new Set(next.links.map(linkKey));
  const lostLinks = datasetLinks.filter((l) => !nextLinks.has(linkKey(l)));
  if (lostLinks.length) problems.push({ field: 'links', value: lostLinks, message: `links to ${lostLinks.map((l) => l.recordId).join(', ')} came from the dataset and cannot be removed here` });
  if (problems.length) throw new CurationError(problems);

  const datasetLinkKeys = new Set(datasetLinks.map(linkKey));
  return {
    ...withNote,
    tags: next.tags.filter((t) => !datasetTags.includes(t)),
    links: next.links.filter((l) => !datasetLinkKeys.has(linkKey(l))),
    status: next.status !== current.status ? next.status : before.status,
    visibility: next.visibility !== current.visibility ? next.visibility : before.visibility,
  };
}

/** `onto` with the curator-owned fields of `from` (reverting an imported record restores only those). */
export function withCuratorFields(onto: EventRecord, from: EventRecord): EventRecord {
  return { ...onto, tags: from.tags, links: from.links, visibility: from.visibility };
}
