import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadMappingFile, MappingError, parseMapping } from './mapping-schema.ts';

const tmp = mkdtempSync(join(tmpdir(), 'sitrep-mapping-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const base = { dataset: 'wiki-lists', licence: 'CC BY-SA', id: { hash: ['date'] }, columns: { date: { to: 'date' } } };
const errorOf = (raw: unknown): string => {
  try {
    parseMapping(raw, 'm.yaml');
  } catch (e) {
    expect(e).toBeInstanceOf(MappingError);
    return (e as Error).message;
  }
  throw new Error('expected a MappingError');
};

describe('mapping files', () => {
  it('accepts the mappings shipped in data/mappings', () => {
    for (const name of ['wikipedia-terrorism-lists.yaml', 'iskp-activity.yaml']) {
      const m = loadMappingFile(join(import.meta.dirname, '../../../data/mappings', name));
      expect(m.licence).toBeTruthy();
    }
  });

  it('names the key at fault and what is expected', () => {
    expect(errorOf({ ...base, columns: { dead: { to: 'killed', parse: 'cnt' } } })).toMatch(
      /^mapping m\.yaml: columns\.dead\.parse: Invalid option: expected one of "text"\|"count"\|"number"\|"list"\|"actor-list"\|"locality, country-name"/,
    );
    expect(errorOf({ ...base, columns: { dead: { to: 'killd' } } })).toMatch(/columns\.dead\.to: Invalid option: expected one of "ignore"\|"kind"/);
    expect(errorOf({ ...base, licence: undefined })).toBe('mapping m.yaml: licence: missing; Invalid input: expected string');
    expect(errorOf({ ...base, dataset: 'Wiki Lists' })).toMatch(/dataset: expected a short lower-case dataset name/);
    // The editor's records are `curated`: a list imported into it would overwrite them, and --sync archive them.
    expect(errorOf({ ...base, dataset: 'curated' })).toMatch(/dataset: "curated" is the dataset of records made in the editor/);
    expect(errorOf({ ...base, colums: {} })).toMatch(/^mapping m\.yaml: unknown key "colums"; expected one of about, dataset, .*columns, defaults$/);
    expect(errorOf({ ...base, columns: { dead: { to: 'killed', pars: 'count' } } })).toMatch(/columns\.dead: unknown key "pars"; expected one of to, formats, parse/);
    expect(errorOf({ ...base, defaults: { precision: 'day' } })).toMatch(/defaults: unknown key "precision"; expected one of kind, subtype, datePrecision/);
  });

  it("takes a workbook's sheet by name or by number from 1", () => {
    expect(parseMapping({ ...base, sheet: 'Events' }, 'm.yaml').sheet).toBe('Events');
    // YAML reads `sheet: 2` as a number.
    expect(parseMapping({ ...base, sheet: 2 }, 'm.yaml').sheet).toBe('2');
    expect(errorOf({ ...base, sheet: 0 })).toMatch(/^mapping m\.yaml: sheet: /);
  });

  it('checks that a parser fits its target', () => {
    expect(errorOf({ ...base, columns: { details: { to: 'description', parse: 'count' } } })).toBe(
      'mapping m.yaml: columns.details.parse: parse "count" works with to: killed or wounded, not description',
    );
    expect(errorOf({ ...base, columns: { day: { to: 'subtype', formats: ['yyyy'] } } })).toMatch(/columns\.day\.formats: formats apply to date columns/);
    expect(errorOf({ ...base, columns: { day: { to: 'date', formats: ['dd/MM'] } } })).toMatch(/columns\.day\.formats\.0: expected a date format with a four-digit year/);
    expect(errorOf({ ...base, columns: { who: { to: 'description', role: 'perpetrator' } } })).toMatch(/columns\.who\.role: role, attribution and match apply to to: actors/);
    expect(errorOf({ ...base, columns: { x: {} } })).toMatch(/columns\.x\.to: expected "to": one of ignore, kind/);
  });

  it('checks value maps, regular expressions and vocabularies', () => {
    expect(errorOf({ ...base, columns: { type: { to: 'subtype', tactics: { 'Bomb*': ['bombs'] } } } })).toMatch(/columns\.type\.tactics\.Bomb\*\.0: Invalid option: expected one of "suicide"/);
    expect(errorOf({ ...base, columns: { type: { to: 'subtype', kind: { '*': 'raid' } } } })).toMatch(/columns\.type\.kind\.\*: Invalid option: expected one of "attack"/);
    expect(errorOf({ ...base, columns: { d: { to: 'description', strip: '[unclosed' } } })).toMatch(/columns\.d\.strip: expected a valid regular expression/);
    expect(errorOf({ ...base, defaults: { kind: 'raid' } })).toMatch(/defaults\.kind: Invalid option/);
    expect(errorOf({ ...base, id: { hash: [] } })).toBe('mapping m.yaml: id.hash: expected at least one key column');
    expect(errorOf({ ...base, id: 5 })).toBe('mapping m.yaml: id: expected a column name, { column: NAME } or { hash: [COLUMN, …] }');
  });

  it('reports unreadable files and broken syntax', () => {
    expect(() => loadMappingFile(join(tmp, 'absent.yaml'))).toThrow('mapping absent.yaml: cannot read the file (ENOENT); check the path');
    writeFileSync(join(tmp, 'bad.yaml'), 'dataset: x\ncolumns:\n  - [unclosed\n');
    expect(() => loadMappingFile(join(tmp, 'bad.yaml'))).toThrow(/^mapping bad\.yaml: not valid YAML \(/);
    writeFileSync(join(tmp, 'bad.json'), '{"dataset": "x",}');
    expect(() => loadMappingFile(join(tmp, 'bad.json'))).toThrow(/^mapping bad\.json: not valid JSON \(/);
    writeFileSync(join(tmp, 'list.yaml'), '- a\n- b\n');
    expect(() => loadMappingFile(join(tmp, 'list.yaml'))).toThrow('mapping list.yaml: expected an object with dataset, licence, id and columns');
  });
});
