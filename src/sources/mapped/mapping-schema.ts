/**
 * The mapping file of the `mapped` importer (`design/source-formats.md` §5): which column feeds which record
 * field, how a cell is parsed, and the dataset's name, licence and attribution. Validated by one zod schema so
 * that a mistake in the file is reported as `columns.dead.parse: …` before a single row is read.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import {
  actorRoles, attributions, casualtySources, datePrecisions, kinds, placePrecisions, reliabilities, sourceTypes, statuses,
  tactics, targetCategories, visibilities,
} from '../../core/record.ts';

/** Record fields a column can feed (`to`). `ignore` reads nothing; a column may also feed only value maps. */
export const mappingTargets = [
  'ignore', 'kind', 'subtype', 'date', 'dateEnd', 'datePrecision',
  'place', 'place.country', 'place.admin1', 'place.admin2', 'place.locality', 'place.lat', 'place.lon', 'place.precision',
  'targetCountry', 'actors', 'targets', 'tactics',
  'killed', 'killed.low', 'killed.high', 'wounded', 'wounded.low', 'wounded.high', 'casualtySource',
  'description', 'source.title', 'source.publisher', 'source.url', 'source.date', 'source.type', 'source.reliability',
  'tags', 'status', 'visibility',
] as const;
export type MappingTarget = (typeof mappingTargets)[number];

/** Cell parsers (`parse`), and the targets each one can feed. */
export const cellParsers = {
  text: null,
  count: ['killed', 'wounded'],
  number: ['place.lat', 'place.lon', 'killed', 'killed.low', 'killed.high', 'wounded', 'wounded.low', 'wounded.high'],
  list: ['targets', 'tactics', 'tags', 'actors'],
  'actor-list': ['actors'],
  'locality, country-name': ['place'],
} as const satisfies Record<string, readonly MappingTarget[] | null>;
export type CellParser = keyof typeof cellParsers;

const dateTargets: readonly MappingTarget[] = ['date', 'dateEnd', 'source.date'];

const regex = z.string().refine(isRegex, { message: 'expected a valid regular expression (JavaScript syntax), e.g. "\\\\[\\\\d+\\\\]"' });
const glob = z.string();
/** `{ "glob": value }`: the most specific matching glob (most literal characters) gives the value. */
const globMap = <T extends z.ZodType>(value: T) => z.record(glob, value);

export const columnSchema = z
  .strictObject({
    to: z.enum(mappingTargets).optional(),
    /** Date formats tried in order: `MMMM d yyyy`, `d MMMM yyyy`, `yyyy-MM-dd`, `dd/MM/yyyy`, `MM/dd/yyyy`, `yyyy`… */
    formats: z.array(z.string().regex(/y{4}/, 'expected a date format with a four-digit year yyyy, e.g. "MMMM d yyyy"')).min(1).optional(),
    parse: z.enum(Object.keys(cellParsers) as [CellParser, ...CellParser[]]).optional(),
    /** For `list`: what separates the items (default `,`). */
    separator: z.string().min(1).optional(),
    /** Removed from the cell (every match) before anything else, e.g. citation markers `\[\d+\]`. */
    strip: regex.optional(),
    /** Translates the cell before it is used: `{ "1": "exact", "Bomb*": "attack" }`. */
    values: globMap(z.string()).optional(),
    /** Value maps that derive other fields from this column. */
    kind: globMap(z.enum(kinds)).optional(),
    tactics: globMap(z.array(z.enum(tactics))).optional(),
    targets: globMap(z.array(z.enum(targetCategories))).optional(),
    /** For actors: their role (default `perpetrator`) and attribution (fixed, or read from another column). */
    role: z.enum(actorRoles).optional(),
    attribution: z.union([z.enum(attributions), z.strictObject({ column: z.string().min(1) })]).optional(),
    /** For actors: `whole` resolves the name as written; `mentions` also finds a known actor inside a label (`ISKP-linked network`). */
    match: z.enum(['whole', 'mentions']).optional(),
    /** A missing column is an error unless it is optional. */
    optional: z.boolean().optional(),
  })
  .superRefine((c, ctx) => {
    if (!c.to && !c.kind && !c.tactics && !c.targets) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: `expected "to": one of ${mappingTargets.join(', ')} (or a kind/tactics/targets value map)` });
    }
    const allowed = c.parse ? cellParsers[c.parse] : null;
    if (allowed && !(c.to && (allowed as readonly string[]).includes(c.to))) {
      ctx.addIssue({ code: 'custom', path: ['parse'], message: `parse "${c.parse}" works with to: ${allowed.join(' or ')}, not ${c.to ?? '(none)'}` });
    }
    if (c.formats && !(c.to && dateTargets.includes(c.to))) {
      ctx.addIssue({ code: 'custom', path: ['formats'], message: `formats apply to date columns (to: ${dateTargets.join(', ')}), not ${c.to ?? '(none)'}` });
    }
    if ((c.role || c.attribution || c.match) && c.to !== 'actors') {
      ctx.addIssue({ code: 'custom', path: [c.role ? 'role' : c.attribution ? 'attribution' : 'match'], message: 'role, attribution and match apply to to: actors' });
    }
    if (c.separator && c.parse !== 'list') ctx.addIssue({ code: 'custom', path: ['separator'], message: 'separator applies to parse: list' });
  });

const iso3OrName = z.string().min(2);

export const defaultsSchema = z.strictObject({
  kind: z.enum(kinds).optional(),
  subtype: z.string().optional(),
  datePrecision: z.enum(datePrecisions).optional(),
  status: z.enum(statuses).optional(),
  visibility: z.enum(visibilities).optional(),
  /** Precision of places whose coordinates come from the file (geocoded places take the match's). */
  placePrecision: z.enum(placePrecisions).optional(),
  /** Country (ISO3 or name) of rows that name none. */
  country: iso3OrName.optional(),
  casualtySource: z.enum(casualtySources).optional(),
  /** Attribution of actors whose column sets none. */
  attribution: z.enum(attributions).optional(),
  tags: z.array(z.string().min(1)).optional(),
  targets: z.array(z.enum(targetCategories)).optional(),
  tactics: z.array(z.enum(tactics)).optional(),
  /** A source every record cites (the dataset itself), after the row's own. */
  source: z
    .strictObject({
      title: z.string().min(1),
      publisher: z.string().optional(),
      url: z.string().optional(),
      type: z.enum(sourceTypes),
      reliability: z.enum(reliabilities).optional(),
    })
    .optional(),
});

export const mappingSchema = z.strictObject({
  /** Free text for the person editing the file. */
  about: z.union([z.string(), z.array(z.string())]).optional(),
  dataset: z
    .string()
    .regex(/^[a-z0-9][a-z0-9._-]{0,60}$/, 'expected a short lower-case dataset name such as "wiki-lists" (letters, digits, . _ -)')
    // Records made in the editor are `curated`; an import into that dataset would overwrite editors' changes to
    // them, and --sync would archive every one the file lacks.
    .refine((d) => d !== 'curated', '"curated" is the dataset of records made in the editor: name the list\'s own dataset, e.g. "iskp-list"'),
  datasetVersion: z.string().min(1).optional(),
  licence: z.string().min(1, 'expected the licence of the data, e.g. "CC BY 4.0"'),
  attribution: z.string().min(1).optional(),
  encoding: z.string().min(1).optional(),
  /** A workbook's sheet to read: its name, or its number from 1 (default the first). */
  sheet: z.union([z.string().min(1), z.number().int().min(1).transform(String)]).optional(),
  delimiter: z.string().length(1, 'expected one character, e.g. "," or ";" or a tab').optional(),
  /**
   * The original id: a column name, `{ column }`, or `{ hash: [columns] }` (SHA-1 of the normalised cells —
   * editing one of those cells later makes a new record rather than updating the old one).
   */
  id: z.union([z.string().min(1), z.strictObject({ column: z.string().min(1) }), z.strictObject({ hash: z.array(z.string().min(1)).min(1, 'expected at least one key column') })], {
    error: 'expected a column name, { column: NAME } or { hash: [COLUMN, …] }',
  }),
  columns: z.record(z.string().min(1), columnSchema).refine((c) => Object.keys(c).length > 0, { message: 'expected at least one column' }),
  defaults: defaultsSchema.optional(),
});

export type Mapping = z.output<typeof mappingSchema>;
export type ColumnSpec = z.output<typeof columnSchema>;
export type MappingDefaults = z.output<typeof defaultsSchema>;

/** A mapping file that cannot be used: the file, the key at fault and what is expected. */
export class MappingError extends Error {
  constructor(readonly file: string, readonly key: string | undefined, reason: string) {
    super(`mapping ${file}${key ? `: ${key}` : ''}: ${reason}`);
    this.name = 'MappingError';
  }
}

function isRegex(s: string): boolean {
  try {
    new RegExp(s);
    return true;
  } catch {
    return false;
  }
}

/** Validates a parsed mapping document; throws a `MappingError` naming the first bad key. */
export function parseMapping(raw: unknown, file = 'mapping'): Mapping {
  const result = mappingSchema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const key = issue.path.map(String).join('.') || undefined;
  if (issue.code === 'unrecognized_keys') {
    const shape = issue.path.length === 0 ? mappingSchema.shape : issue.path.at(-1) === 'defaults' ? defaultsSchema.shape : issue.path[0] === 'columns' ? columnSchema.shape : undefined;
    const known = shape ? `; expected one of ${Object.keys(shape).join(', ')}` : '';
    throw new MappingError(file, key, `unknown key ${issue.keys.map((k) => `"${k}"`).join(', ')}${known}`);
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) throw new MappingError(file, key, `missing; ${issue.message.replace(/, received undefined$/, '')}`);
  throw new MappingError(file, key, issue.message);
}

/** The columns the id is read from. */
export function mappingIdColumns(m: Pick<Mapping, 'id'>): string[] {
  return typeof m.id === 'string' ? [m.id] : 'column' in m.id ? [m.id.column] : m.id.hash;
}

/** Reads a mapping file: JSON when it ends in `.json` (or starts with `{`), YAML otherwise. */
export function loadMappingFile(path: string): Mapping {
  const file = basename(path);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new MappingError(file, undefined, `cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); check the path`);
  }
  let raw: unknown;
  try {
    raw = /\.json$/i.test(path) || /^\s*\{/.test(text) ? JSON.parse(text) : parseYaml(text, { prettyErrors: true });
  } catch (e) {
    throw new MappingError(file, undefined, `not valid ${/\.json$/i.test(path) ? 'JSON' : 'YAML'} (${(e as Error).message.split('\n')[0]})`);
  }
  if (raw == null || typeof raw !== 'object' || Array.isArray(raw)) throw new MappingError(file, undefined, 'expected an object with dataset, licence, id and columns');
  return parseMapping(raw, file);
}
